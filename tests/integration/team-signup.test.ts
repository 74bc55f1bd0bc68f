// Staff sign-up (« Je suis membre de l'équipe pédagogique ») and the chef d'établissement's approval.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeTeam, type Team } from '../factories/college';
import { makeMember } from '../factories/people';
import { approveMembershipAction, refuseMembershipAction, removeMemberAction, signUpStaffAction } from '@/lib/team/actions';
import { activateWithPassword } from '@/lib/accounts/activation';
import { loadActor } from '@/lib/core/actor';
import type { StaffSignUpInput } from '@/lib/team/schema';

const db = useTestDb();
let team: Team;

const form = (over: Partial<StaffSignUpInput> = {}): StaffSignUpInput => ({
  uai: team.college.uai,
  lastName: 'Leroy',
  firstName: 'Marie',
  role: 'MAIN_TEACHER',
  email: 'marie.leroy@ac-rennes.fr',
  password: 'Un-mot-de-passe-long',
  passwordConfirm: 'Un-mot-de-passe-long',
  ...over,
});
const tokenOf = (text: string) => /\/activation\/([\w-]+)/.exec(text)![1];

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  actAs(null);
});

describe('a staff member signs up alone', () => {
  it('creates an account waiting for activation and a pending membership with the chosen function; emails the activation link and the heads', async () => {
    const res = await signUpStaffAction(form());
    expect(res).toEqual({ ok: true, data: { email: 'marie.leroy@ac-rennes.fr', establishmentName: 'Collège les Ormeaux' } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: 'marie.leroy@ac-rennes.fr' }, include: { memberships: true } });
    expect(user).toMatchObject({ status: 'PENDING_ACTIVATION', login: 'marie.leroy@ac-rennes.fr', firstName: 'Marie', lastName: 'Leroy' });
    expect(user.memberships).toEqual([expect.objectContaining({ establishmentId: team.establishmentId, role: 'MAIN_TEACHER', status: 'PENDING' })]);
    expect(await db().prisma.outboxEmail.count({ where: { to: 'marie.leroy@ac-rennes.fr', template: 'activation' } })).toBe(1);
    const heads = await db().prisma.outboxEmail.findMany({ where: { template: 'staff-pending' } });
    expect(heads.map((m) => m.to).sort()).toEqual([team.members.PRINCIPAL.user.email, team.members.DEPUTY.user.email].sort());
  });

  it('after activation the account works but the membership stays pending: no access to the collège yet', async () => {
    const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { to: 'marie.leroy@ac-rennes.fr', template: 'activation' } });
    expect(await activateWithPassword({ raw: tokenOf(mail.text), password: 'Un-mot-de-passe-long' })).toMatchObject({ ok: true });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: 'marie.leroy@ac-rennes.fr' }, include: { memberships: true } });
    expect(user.status).toBe('ACTIVE');
    expect(user.memberships[0].status).toBe('PENDING');
    const actor = await loadActor({ userId: user.id, host: 'localhost' });
    expect(actor.member).toBeNull();
    expect(actor.roles).toEqual([]);
  });

  it("the chef d'établissement approves: the member gets access and an email", async () => {
    const m = await db().prisma.membership.findFirstOrThrow({ where: { user: { email: 'marie.leroy@ac-rennes.fr' } } });
    actAs(team.members.PRINCIPAL.user.id);
    expect(await approveMembershipAction({ membershipId: m.id })).toEqual({ ok: true, data: { id: m.id } });
    const after = await db().prisma.membership.findUniqueOrThrow({ where: { id: m.id } });
    expect(after).toMatchObject({ status: 'ACTIVE', approvedById: team.members.PRINCIPAL.user.id });
    expect(await db().prisma.outboxEmail.count({ where: { to: 'marie.leroy@ac-rennes.fr', template: 'staff-approved' } })).toBe(1);
    expect(await db().prisma.auditEntry.count({ where: { action: 'membership.approve', targetId: m.id } })).toBe(1);
    const actor = await loadActor({ userId: after.userId, host: 'localhost' });
    expect(actor.member).toMatchObject({ establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    expect(await approveMembershipAction({ membershipId: m.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    actAs(null);
  });

  it('the chef d’établissement refuses someone he does not know', async () => {
    await signUpStaffAction(form({ email: 'inconnu@ac-rennes.fr', role: 'TEACHER' }));
    const m = await db().prisma.membership.findFirstOrThrow({ where: { user: { email: 'inconnu@ac-rennes.fr' } } });
    actAs(team.members.DEPUTY.user.id);
    expect(await refuseMembershipAction({ membershipId: m.id })).toMatchObject({ ok: true });
    expect((await db().prisma.membership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('REVOKED');
    expect(await db().prisma.auditEntry.count({ where: { action: 'membership.refuse', targetId: m.id } })).toBe(1);
    actAs(null);
  });

  it('requires an academic address', async () => {
    const res = await signUpStaffAction(form({ email: 'marie.leroy@gmail.com' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { email: [expect.stringMatching(/adresse académique/)] } } });
    expect(await db().prisma.user.count({ where: { email: 'marie.leroy@gmail.com' } })).toBe(0);
  });

  it('is refused, with the reason, while the collège is not registered', async () => {
    const college = await makeCollege(db().prisma, { registered: false });
    const res = await signUpStaffAction(form({ uai: college.uai, email: 'prof@ac-rennes.fr' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/pas encore inscrit/) } });
    expect(await db().prisma.user.count({ where: { email: 'prof@ac-rennes.fr' } })).toBe(0);
  });

  it('is open once the manager account is active even before registeredAt is recorded', async () => {
    const college = await makeCollege(db().prisma, { registered: false });
    await makeMember(db().prisma, { establishmentId: college.id, role: 'PRINCIPAL' });
    expect(await signUpStaffAction(form({ uai: college.uai, email: 'prof2@ac-rennes.fr' }))).toMatchObject({ ok: true });
  });

  it('refuses an unknown collège and the function of chef d’établissement (he registers the collège itself)', async () => {
    expect(await signUpStaffAction(form({ uai: '0000000A' }))).toMatchObject({ ok: false, error: { fieldErrors: { uai: [expect.any(String)] } } });
    expect(await signUpStaffAction(form({ role: 'PRINCIPAL' as never }))).toMatchObject({ ok: false, error: { fieldErrors: { role: [expect.any(String)] } } });
  });

  it('answers the same for an address that already has an account, and tells its owner', async () => {
    const res = await signUpStaffAction(form({ email: team.members.TEACHER.user.email! }));
    expect(res).toMatchObject({ ok: true });
    expect(await db().prisma.user.count({ where: { email: team.members.TEACHER.user.email } })).toBe(1);
    expect(await db().prisma.outboxEmail.count({ where: { to: team.members.TEACHER.user.email!, subject: 'Vous avez déjà un compte' } })).toBe(1);
  });
});

describe('removing a member', () => {
  it('removes a member and their professeur principal classes; never the principal nor oneself', async () => {
    const pp = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    await db().prisma.classTeacher.create({ data: { classRoomId: team.classB.id, membershipId: pp.membership.id } });
    actAs(team.members.DEPUTY.user.id);
    expect(await removeMemberAction({ membershipId: pp.membership.id })).toMatchObject({ ok: true });
    expect((await db().prisma.membership.findUniqueOrThrow({ where: { id: pp.membership.id } })).status).toBe('REVOKED');
    expect(await db().prisma.classTeacher.count({ where: { membershipId: pp.membership.id } })).toBe(0);
    expect(await removeMemberAction({ membershipId: team.members.PRINCIPAL.membership.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await removeMemberAction({ membershipId: team.members.DEPUTY.membership.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    actAs(null);
  });
});
