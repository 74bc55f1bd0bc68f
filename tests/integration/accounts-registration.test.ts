jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('@/lib/core/request', () => ({ clientIp: async () => (globalThis as { testIp?: string }).testIp ?? '127.0.0.1' }));

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshIp, lastLink, makeOperator, makeRegistered, seedReference } from '../factories/accounts';
import { makeEstablishment } from '../factories/people';
import { lookupRegistration, registerEstablishment } from '@/lib/accounts/registration';
import { registerEstablishmentAction } from '@/lib/accounts/actions';
import type { RegistrationData } from '@/lib/accounts/schema';

const db = useTestDb();
const form = (uai: string, extra: Partial<RegistrationData> = {}): RegistrationData => ({
  uai,
  civility: 'Mme',
  lastName: 'Dupont',
  firstName: 'Claire',
  function: "Chef d'établissement",
  password: 'Brassens-Le-Rheu-2026',
  passwordConfirm: 'Brassens-Le-Rheu-2026',
  ...extra,
});
const ctx = () => ({ origin: 'http://localhost:3000', ip: freshIp() });

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  await makeEstablishment(prisma, { uai: '0351847T', name: 'Collège Georges Brassens', city: 'Le Rheu' });
  await makeEstablishment(prisma, { uai: '0351969A', name: 'Collège Beaumont', city: 'Redon', directoryEmail: 'Ce.0350022j@ac-rennes.fr' });
  await makeEstablishment(prisma, { uai: '0351962T', name: 'Lycée professionnel Abbé Pierre', kind: 'LYCEE', isPublic: false, directoryEmail: 'tinteniac@cneap.fr' });
  await makeEstablishment(prisma, { uai: '0353069W', name: 'Collège privé hors-contrat Notre-Dame', isPublic: false, directoryEmail: null });
  await makeEstablishment(prisma, { uai: '0350031U', name: 'Collège fermé', open: false });
  await makeEstablishment(prisma, { uai: '0352958A', name: 'EREA de test', kind: 'EREA' });
  await makeRegistered(prisma, '0350033W', { name: 'Collège les Ormeaux' });
  await makeOperator(prisma);
});

describe('finding the establishment by its UAI', () => {
  it('shows the directory information of an unregistered collège and the login derived from the UAI', async () => {
    const found = await lookupRegistration('0351847T');
    expect(found.status).toBe('OPEN');
    if (found.status !== 'OPEN') return;
    expect(found.establishment).toMatchObject({ name: 'Collège Georges Brassens', city: 'Le Rheu', academyName: 'Rennes', postalCode: '35000' });
    expect(found.target).toEqual({ kind: 'address', login: 'ce.0351847t@ac-rennes.fr', official: true });
  });

  it('refuses an unknown code, a closed establishment and one that is not a collège or a lycée', async () => {
    expect((await lookupRegistration('0490003M')).status).toBe('UNKNOWN');
    expect((await lookupRegistration('0350031U')).status).toBe('CLOSED');
    expect((await lookupRegistration('0352958A')).status).toBe('NOT_ELIGIBLE');
  });

  it('always derives the login from the UAI, even when the directory holds another UAI’s academic address', async () => {
    const found = await lookupRegistration('0351969A');
    expect(found.status === 'OPEN' && found.target).toEqual({ kind: 'address', login: 'ce.0351969a@ac-rennes.fr', official: true });
  });

  it('uses the directory address of a private establishment whose address is not academic', async () => {
    const found = await lookupRegistration('0351962T');
    expect(found.status === 'OPEN' && found.target).toEqual({ kind: 'address', login: 'tinteniac@cneap.fr', official: false });
  });
});

describe('registering the establishment', () => {
  it('creates the pending manager account, its pending membership, the activation email and an audit entry in one go', async () => {
    const { prisma } = db();
    const outcome = await registerEstablishment(form('0351847T'), ctx());
    expect(outcome).toEqual({ kind: 'activation', login: 'ce.0351847t@ac-rennes.fr' });
    const user = await prisma.user.findUniqueOrThrow({ where: { login: 'ce.0351847t@ac-rennes.fr' }, include: { memberships: true } });
    expect(user).toMatchObject({ email: 'ce.0351847t@ac-rennes.fr', status: 'PENDING_ACTIVATION', civility: 'Mme', firstName: 'Claire', lastName: 'Dupont' });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain('Brassens');
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'PRINCIPAL', status: 'PENDING', function: "Chef d'établissement" })]);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'ce.0351847t@ac-rennes.fr', template: 'activation' } });
    expect(mail.subject).toBe('Activez votre compte ministage');
    expect(mail.text).toContain('Collège Georges Brassens (Le Rheu)');
    expect(mail.text).toContain('5 minutes');
    expect(await lastLink(prisma, 'ce.0351847t@ac-rennes.fr', '/activation/')).toHaveLength(43);
    expect(await prisma.auditEntry.count({ where: { action: 'establishment.register', targetId: user.id } })).toBe(1);
  });

  it('offers to resend the activation instead of creating a second account for the same UAI', async () => {
    const { prisma } = db();
    const found = await lookupRegistration('0351847T');
    expect(found).toMatchObject({ status: 'PENDING_ACTIVATION', login: 'ce.0351847t@ac-rennes.fr' });
    await expect(registerEstablishment(form('0351847T', { firstName: 'Autre' }), ctx())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.user.count({ where: { login: 'ce.0351847t@ac-rennes.fr' } })).toBe(1);
  });

  it('says « cas numéro 2 » for an establishment already registered and creates nothing', async () => {
    const { prisma } = db();
    const users = await prisma.user.count();
    expect((await lookupRegistration('0350033W')).status).toBe('REGISTERED');
    await expect(registerEstablishment(form('0350033W'), ctx())).rejects.toThrow(/cas numéro 2/);
    expect(await prisma.user.count()).toBe(users);
  });

  it('treats an establishment with registeredAt set as registered even without an active manager', async () => {
    const { prisma } = db();
    await makeEstablishment(prisma, { uai: '0352260S', registeredAt: new Date() });
    expect((await lookupRegistration('0352260S')).status).toBe('REGISTERED');
  });

  it('sends the activation of a private establishment to its non-academic directory address', async () => {
    const { prisma } = db();
    await registerEstablishment(form('0351962T', { function: 'Directeur ou directrice' }), ctx());
    expect(await prisma.user.findUnique({ where: { login: 'tinteniac@cneap.fr' } })).toMatchObject({ status: 'PENDING_ACTIVATION' });
    expect(await prisma.outboxEmail.count({ where: { to: 'tinteniac@cneap.fr', template: 'activation' } })).toBe(1);
  });

  it('puts a private establishment without any address under the operator’s review, asking for an address', async () => {
    const { prisma } = db();
    await expect(registerEstablishment(form('0353069W'), ctx())).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { email: [expect.any(String)] } });
    const outcome = await registerEstablishment(form('0353069W', { email: 'direction@notre-dame.example.fr' }), ctx());
    expect(outcome).toEqual({ kind: 'review', email: 'direction@notre-dame.example.fr' });
    const user = await prisma.user.findUniqueOrThrow({ where: { login: 'direction@notre-dame.example.fr' } });
    expect(user.status).toBe('PENDING_REVIEW');
    expect(await prisma.registrationReview.count({ where: { applicantId: user.id, status: 'PENDING' } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { to: 'direction@notre-dame.example.fr' } })).toBe(0);
    const notice = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'operateur@ministage.localhost', template: 'operator-notice' } });
    expect(notice.text).toContain('/operateur/inscriptions');
    expect((await lookupRegistration('0353069W')).status).toBe('PENDING_REVIEW');
  });
});

describe('the registration action', () => {
  beforeEach(() => actAs(null));

  it('refuses a password shorter than 12 characters on the server, whatever the browser checked', async () => {
    const result = await registerEstablishmentAction({ ...form('0351969A'), password: 'court-123', passwordConfirm: 'court-123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: ['Le mot de passe doit comporter au moins 12 caractères.'] } } });
  });

  it('refuses a confirmation that differs and a malformed UAI, with French messages by field', async () => {
    const result = await registerEstablishmentAction({ ...form('0351969B'), passwordConfirm: 'autre-chose-encore' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fieldErrors?.passwordConfirm?.[0]).toMatch(/pas identiques/);
    expect(result.error.fieldErrors?.uai?.[0]).toMatch(/lettre de contrôle/);
  });

  it('registers through the action with the request’s origin in the link', async () => {
    const { prisma } = db();
    (globalThis as { testIp?: string }).testIp = freshIp();
    const result = await registerEstablishmentAction(form(' 0351969a '));
    expect(result).toEqual({ ok: true, data: { kind: 'activation', login: 'ce.0351969a@ac-rennes.fr' } });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'ce.0351969a@ac-rennes.fr' } });
    expect(mail.text).toContain('http://localhost/activation/');
  });

  it('throttles registration attempts for one UAI and says so in French', async () => {
    await makeRegistered(db().prisma, '0352274G');
    (globalThis as { testIp?: string }).testIp = freshIp();
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await registerEstablishmentAction(form('0352274G')));
    expect(tries.slice(0, 5).map((r) => !r.ok && r.error.code)).toEqual(Array(5).fill('CONFLICT'));
    expect(tries[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/patientez 15 minutes/) } });
  });
});
