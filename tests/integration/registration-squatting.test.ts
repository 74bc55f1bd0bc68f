// « Hold the doors », item 1: an establishment's registration address (ce.<uai>@<académie>, or the
// directory address of an establishment that registers with it) is never accepted by another path
// (staff sign-up, pupil sign-up, the review path of another establishment), and an account that
// took one before this rule existed never keeps the school out: the registration takes the address
// over (the squatter never proved the mailbox), and a reset link — which proves it — makes the
// account that holds it the establishment's manager.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshIp, lastLink, seedReference } from '../factories/accounts';
import { PASSWORD, makeEstablishment, makeUser } from '../factories/people';
import { makeTeam, pupilSignUpInput, type Team } from '../factories/college';
import { lookupRegistration, registerEstablishment } from '@/lib/accounts/registration';
import { registrationAddressOwner } from '@/lib/accounts/registration-rules';
import { activateWithPassword } from '@/lib/accounts/activation';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/passwords';
import { checkCredentials } from '@/lib/core/credentials';
import { signUpStaffAction } from '@/lib/team/actions';
import { signUpPupilAction } from '@/lib/classes/pupil-actions';
import { loadActor } from '@/lib/core/actor';
import type { RegistrationData } from '@/lib/accounts/schema';
import type { StaffSignUpInput } from '@/lib/team/schema';
import type { PupilSignUpInput } from '@/lib/classes/pupil-schema';

const db = useTestDb();
const origin = 'http://localhost:3000';
let team: Team;

// Unregistered establishments of the annuaire (Ille-et-Vilaine).
const BRASSENS = '0351847T'; // ce.0351847t@ac-rennes.fr
const TRUFFAUT = '0352260S';
const DOLTO = '0352274G';
const CHAMPAGNE = '0350031U';
const ORMEAUX = '0350033W';
const ABBE_PIERRE = '0351962T'; // private, registers with tinteniac@cneap.fr
const JEANNE_DARC = '0352462L'; // private, registers with jeanne-darc.vitre@wanadoo.fr
const NOTRE_DAME = '0353069W'; // private, no address: the operator reviews it
const BEAUMONT = '0351969A';
const address = (uai: string) => `ce.${uai.toLowerCase()}@ac-rennes.fr`;

const registration = (uai: string, extra: Partial<RegistrationData> = {}): RegistrationData => ({
  uai,
  civility: 'Mme',
  lastName: 'Le Goff',
  firstName: 'Anne',
  function: "Chef d'établissement",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  ...extra,
});
const staff = (over: Partial<StaffSignUpInput> = {}): StaffSignUpInput => ({
  uai: team.college.uai,
  lastName: 'Intrus',
  firstName: 'Ivan',
  role: 'TEACHER',
  email: address(BRASSENS),
  password: 'Un-mot-de-passe-long',
  passwordConfirm: 'Un-mot-de-passe-long',
  ...over,
});
const pupil = (over: Partial<PupilSignUpInput> = {}) =>
  pupilSignUpInput(team.classA.joinCode, { lastName: 'Intrus', firstName: 'Ivan', accountKind: 'email', email: address(BRASSENS), login: '', ...over });

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  for (const [uai, name] of [
    [BRASSENS, 'Collège Georges Brassens'],
    [TRUFFAUT, 'Collège François Truffaut'],
    [DOLTO, 'Collège Françoise Dolto'],
    [CHAMPAGNE, 'Lycée la Champagne'],
    [ORMEAUX, 'Collège les Ormeaux'],
  ]) {
    await makeEstablishment(prisma, { uai, name, kind: name.startsWith('Lycée') ? 'LYCEE' : 'COLLEGE' });
  }
  await makeEstablishment(prisma, { uai: ABBE_PIERRE, name: 'Lycée professionnel Abbé Pierre', kind: 'LYCEE', isPublic: false, directoryEmail: 'tinteniac@cneap.fr' });
  await makeEstablishment(prisma, { uai: JEANNE_DARC, name: 'Collège Jeanne d’Arc', isPublic: false, directoryEmail: 'Jeanne-Darc.Vitre@Wanadoo.fr' });
  await makeEstablishment(prisma, { uai: NOTRE_DAME, name: 'Collège privé Notre-Dame', isPublic: false, directoryEmail: null });
  await makeEstablishment(prisma, { uai: BEAUMONT, name: 'Collège Beaumont', isPublic: false, directoryEmail: 'Tinteniac@CNEAP.fr' });
  team = await makeTeam(prisma, { name: 'Collège de l’intrus' });
  actAs(null);
});

describe('the one rule: is this address an establishment’s registration address?', () => {
  it('knows the ce.<uai> address of any valid UAI on any académie’s domain, in any case, even outside the annuaire', async () => {
    const { prisma } = db();
    expect(await registrationAddressOwner(prisma, 'CE.0351847T@AC-RENNES.FR')).toMatchObject({ uai: BRASSENS, establishment: { uai: BRASSENS } });
    expect(await registrationAddressOwner(prisma, ' ce.0490003m@ac-nantes.fr ')).toMatchObject({ uai: '0490003M', establishment: null });
    expect(await registrationAddressOwner(prisma, 'ce.0351847t@ac-caen.fr')).toMatchObject({ uai: BRASSENS });
  });

  it('knows the directory address of an establishment that registers with it, whatever its case', async () => {
    const { prisma } = db();
    expect(await registrationAddressOwner(prisma, 'jeanne-darc.vitre@wanadoo.fr')).toMatchObject({ uai: JEANNE_DARC });
    expect(await registrationAddressOwner(prisma, 'TINTENIAC@cneap.fr')).toMatchObject({ uai: expect.stringMatching(/^(0351962T|0351969A)$/) });
  });

  it('leaves personal addresses, wrong check letters and non-academic ce. addresses alone', async () => {
    const { prisma } = db();
    for (const a of ['marie.leroy@ac-rennes.fr', 'ce.0351847a@ac-rennes.fr', 'ce.0351847t@gmail.com', 'ce.0351847t.prof@ac-rennes.fr', 'pas-une-adresse']) {
      expect(await registrationAddressOwner(prisma, a)).toBeNull();
    }
  });
});

describe('no other path accepts a registration address', () => {
  it('staff sign-up refuses another collège’s ce. address (any case, any académie), next to the field, and creates nothing', async () => {
    const { prisma } = db();
    for (const email of [address(BRASSENS), 'CE.0351847T@AC-RENNES.FR', 'ce.0490003m@ac-nantes.fr']) {
      const res = await signUpStaffAction(staff({ email }));
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { email: [expect.stringMatching(/adresse.*établissement/i)] } } });
    }
    expect(await prisma.user.count({ where: { login: { in: [address(BRASSENS), 'ce.0490003m@ac-nantes.fr'] } } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { to: { in: [address(BRASSENS), 'ce.0490003m@ac-nantes.fr'] } } })).toBe(0);
    expect((await lookupRegistration(BRASSENS)).status).toBe('OPEN');
  });

  it('pupil sign-up with an email refuses an establishment’s ce. address and a directory address, next to the field', async () => {
    const { prisma } = db();
    for (const email of [address(TRUFFAUT), 'Jeanne-Darc.Vitre@wanadoo.fr', 'tinteniac@cneap.fr']) {
      const res = await signUpPupilAction(pupil({ email }));
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { email: [expect.stringMatching(/établissement/)] } } });
    }
    expect(await prisma.user.count({ where: { login: { in: [address(TRUFFAUT), 'jeanne-darc.vitre@wanadoo.fr', 'tinteniac@cneap.fr'] } } })).toBe(0);
    expect((await lookupRegistration(TRUFFAUT)).status).toBe('OPEN');
    expect((await lookupRegistration(JEANNE_DARC)).status).toBe('OPEN');
  });

  it('the operator-reviewed registration of an establishment without address refuses another establishment’s address', async () => {
    const { prisma } = db();
    await expect(registerEstablishment(registration(NOTRE_DAME, { email: address(DOLTO) }), { origin, ip: freshIp() })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { email: [expect.stringMatching(/établissement/)] },
    });
    expect(await prisma.user.count({ where: { login: address(DOLTO) } })).toBe(0);
    expect(await prisma.registrationReview.count()).toBe(0);
  });
});

describe('an address squatted before the rule is taken back', () => {
  it('by the registration: the squatter’s account (never activated) is disabled and renamed, its memberships revoked, with an audit entry', async () => {
    const { prisma } = db();
    // Before the fix: someone signed up as a teacher of another collège with Dolto's address.
    const squatter = await makeUser(prisma, { login: address(DOLTO), status: 'PENDING_ACTIVATION', firstName: 'Ivan', lastName: 'Intrus' });
    const request = await prisma.membership.create({ data: { userId: squatter.id, establishmentId: team.establishmentId, role: 'TEACHER', status: 'PENDING' } });
    expect((await lookupRegistration(DOLTO)).status).toBe('OPEN');

    const outcome = await registerEstablishment(registration(DOLTO), { origin, ip: freshIp() });
    expect(outcome).toEqual({ kind: 'activation', login: address(DOLTO) });
    const principal = await prisma.user.findUniqueOrThrow({ where: { login: address(DOLTO) }, include: { memberships: true } });
    expect(principal.id).not.toBe(squatter.id);
    expect(principal).toMatchObject({ status: 'PENDING_ACTIVATION', firstName: 'Anne', lastName: 'Le Goff', email: address(DOLTO) });
    expect(principal.memberships).toEqual([expect.objectContaining({ role: 'PRINCIPAL', status: 'PENDING' })]);

    const retired = await prisma.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(retired).toMatchObject({ status: 'DISABLED', email: null });
    expect(retired.login).not.toBe(address(DOLTO));
    expect(retired.sessionVersion).toBeGreaterThan(squatter.sessionVersion);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('REVOKED');
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'account.reclaim', targetId: squatter.id } });
    expect(entry.data).toMatchObject({ login: address(DOLTO), by: 'registration', revokedMemberships: 1 });

    // The school's mailbox activates the principal; the squatter's password opens nothing.
    const raw = await lastLink(prisma, address(DOLTO), '/activation/');
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: true, managerOf: ['Collège Françoise Dolto (Rennes)'] });
    expect((await lookupRegistration(DOLTO)).status).toBe('REGISTERED');
    const signIn = await checkCredentials({ login: address(DOLTO), password: PASSWORD, ip: freshIp() });
    expect(signIn).toMatchObject({ ok: true, user: { id: principal.id } });
  });

  it('by the registration, from a pupil account that used the address (the pupil record stays for the team to remove)', async () => {
    const { prisma } = db();
    const squatter = await makeUser(prisma, { login: address(ORMEAUX), status: 'PENDING_ACTIVATION' });
    const record = await prisma.pupil.create({
      data: {
        userId: squatter.id,
        establishmentId: team.establishmentId,
        classRoomId: team.classA.id,
        firstName: 'Faux',
        lastName: 'Élève',
        schoolYear: team.classA.schoolYear,
      },
    });
    await registerEstablishment(registration(ORMEAUX), { origin, ip: freshIp() });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: squatter.id } })).toMatchObject({ status: 'DISABLED', email: null });
    expect(await prisma.user.findUniqueOrThrow({ where: { login: address(ORMEAUX) } })).toMatchObject({ status: 'PENDING_ACTIVATION', firstName: 'Anne' });
    expect(await prisma.pupil.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ userId: squatter.id });
    expect(
      await prisma.auditEntry.count({
        where: { action: 'account.reclaim', targetId: squatter.id, establishmentId: (await prisma.establishment.findUniqueOrThrow({ where: { uai: ORMEAUX } })).id },
      }),
    ).toBe(1);
  });

  it('by « Mot de passe oublié ? »: the link proves the mailbox, so the account that holds the address becomes the manager, stripped of what the squatter asked for', async () => {
    const { prisma } = db();
    const squatter = await makeUser(prisma, { login: address(TRUFFAUT), status: 'PENDING_ACTIVATION', firstName: 'Ivan', lastName: 'Intrus' });
    const request = await prisma.membership.create({ data: { userId: squatter.id, establishmentId: team.establishmentId, role: 'TEACHER', status: 'PENDING' } });
    await requestPasswordReset({ email: address(TRUFFAUT), origin, ip: freshIp() });
    const raw = await lastLink(prisma, address(TRUFFAUT), '/reinitialisation/');
    expect(await resetPassword({ token: raw, password: 'Le-vrai-principal-2026' })).toMatchObject({ login: address(TRUFFAUT) });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: squatter.id }, include: { memberships: true } });
    expect(user).toMatchObject({ status: 'ACTIVE', firstName: null, lastName: null });
    expect(user.memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: request.id, status: 'REVOKED' }), expect.objectContaining({ role: 'PRINCIPAL', status: 'ACTIVE' })]),
    );
    const truffaut = await prisma.establishment.findUniqueOrThrow({ where: { uai: TRUFFAUT } });
    expect(truffaut.registeredAt).not.toBeNull();
    expect((await lookupRegistration(TRUFFAUT)).status).toBe('REGISTERED');
    expect(await prisma.auditEntry.count({ where: { action: 'establishment.reclaim', establishmentId: truffaut.id, targetId: squatter.id } })).toBe(1);
    const actor = await loadActor({ userId: squatter.id, host: 'localhost' });
    expect(actor.member).toMatchObject({ establishmentId: truffaut.id, role: 'PRINCIPAL' });
  });

  it('an active account that already proved the mailbox is never disabled by an anonymous registration: the page points to « Mot de passe oublié ? », whose link makes it the manager', async () => {
    const { prisma } = db();
    // e.g. the lycée's own address invited on its platform before it registered on the portal.
    const holder = await makeUser(prisma, { login: address(CHAMPAGNE), firstName: 'Camille' });
    await prisma.user.update({ where: { id: holder.id }, data: { emailVerified: new Date('2026-01-05T08:00:00Z') } });
    const lookup = await lookupRegistration(CHAMPAGNE);
    expect(lookup).toMatchObject({ status: 'RECLAIM_BY_RESET', login: address(CHAMPAGNE) });
    await expect(registerEstablishment(registration(CHAMPAGNE), { origin, ip: freshIp() })).rejects.toThrow(/Mot de passe oublié/);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ status: 'ACTIVE', login: address(CHAMPAGNE) });

    await requestPasswordReset({ email: address(CHAMPAGNE), origin, ip: freshIp() });
    await resetPassword({ token: await lastLink(prisma, address(CHAMPAGNE), '/reinitialisation/'), password: 'Le-vrai-proviseur-2026' });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: holder.id }, include: { memberships: true } });
    expect(after).toMatchObject({ status: 'ACTIVE', firstName: 'Camille' });
    expect(after.memberships).toEqual([expect.objectContaining({ role: 'PRINCIPAL', status: 'ACTIVE' })]);
    expect((await lookupRegistration(CHAMPAGNE)).status).toBe('REGISTERED');
  });

  it('never takes the address from the manager of another establishment that shares it (a shared directory address)', async () => {
    const { prisma } = db();
    await registerEstablishment(registration(ABBE_PIERRE, { function: 'Directeur ou directrice' }), { origin, ip: freshIp() });
    const raw = await lastLink(prisma, 'tinteniac@cneap.fr', '/activation/');
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: true });
    const manager = await prisma.user.findUniqueOrThrow({ where: { login: 'tinteniac@cneap.fr' } });
    expect((await lookupRegistration(BEAUMONT)).status).toBe('LOGIN_TAKEN');
    await expect(registerEstablishment(registration(BEAUMONT), { origin, ip: freshIp() })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: manager.id } })).toMatchObject({ status: 'ACTIVE', login: 'tinteniac@cneap.fr' });
    expect(await prisma.auditEntry.count({ where: { action: 'account.reclaim', targetId: manager.id } })).toBe(0);
  });
});
