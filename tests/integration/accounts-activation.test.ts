jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { freshIp, lastLink, makeRegistered, seedReference } from '../factories/accounts';
import { PASSWORD, makeEstablishment, makeMember, makeUser } from '../factories/people';
import { activateWithPassword, RESEND_ANSWER, resendActivation, sendActivationEmail } from '@/lib/accounts/activation';
import { readAccountLink } from '@/lib/accounts/queries';
import { registerEstablishment, lookupRegistration } from '@/lib/accounts/registration';
import { checkCredentials } from '@/lib/core/credentials';
import { activateAccountAction } from '@/lib/accounts/actions';

const db = useTestDb();
const origin = 'http://localhost:3000';
const register = (uai: string) =>
  registerEstablishment(
    { uai, civility: 'M.', lastName: 'Martin', firstName: 'Paul', function: "Chef d'établissement", password: PASSWORD, passwordConfirm: PASSWORD },
    { origin, ip: freshIp() },
  );
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
/** The activation page's form: the link and the password chosen at registration. */
const activate = (raw: string, now?: Date) => activateWithPassword({ raw, password: PASSWORD, now });

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  for (const uai of ['0351847T', '0352260S', '0351881E', '0351850W']) await makeEstablishment(prisma, { uai, name: `Collège ${uai}` });
});

describe('activating a registration', () => {
  it('makes the account usable and its owner the manager of the establishment', async () => {
    const { prisma } = db();
    await register('0351847T');
    const login = 'ce.0351847t@ac-rennes.fr';
    expect(await checkCredentials({ login, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'NOT_ACTIVATED' });
    const raw = await lastLink(prisma, login, '/activation/');
    expect(await readAccountLink('activation', raw)).toMatchObject({ state: 'valid', login });

    expect(await activate(raw)).toEqual({ ok: true, login, managerOf: ['Collège 0351847T (Rennes)'] });
    const user = await prisma.user.findUniqueOrThrow({ where: { login }, include: { memberships: { include: { establishment: true } } } });
    expect(user.status).toBe('ACTIVE');
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.memberships[0]).toMatchObject({ role: 'PRINCIPAL', status: 'ACTIVE' });
    expect(user.memberships[0].establishment.registeredAt).toBeInstanceOf(Date);
    expect((await lookupRegistration('0351847T')).status).toBe('REGISTERED');
    expect(await prisma.auditEntry.count({ where: { action: 'account.activate', actorId: user.id } })).toBe(1);
    expect((await checkCredentials({ login: 'CE.0351847T@AC-RENNES.FR', password: PASSWORD, ip: freshIp() })).ok).toBe(true);
  });

  it('accepts a link once only', async () => {
    const { prisma } = db();
    const raw = await lastLink(prisma, 'ce.0351847t@ac-rennes.fr', '/activation/');
    expect(await activate(raw)).toEqual({ ok: false, reason: 'used', login: 'ce.0351847t@ac-rennes.fr' });
    expect(await readAccountLink('activation', raw)).toMatchObject({ state: 'used' });
  });

  it('refuses an expired link, and a new one sent on request works', async () => {
    const { prisma } = db();
    await register('0352260S');
    const login = 'ce.0352260s@ac-rennes.fr';
    const old = await lastLink(prisma, login, '/activation/');
    expect(await activate(old, inMinutes(5.1))).toEqual({ ok: false, reason: 'expired', login });
    expect(await readAccountLink('activation', old, inMinutes(5.1))).toMatchObject({ state: 'expired', login });
    expect(await prisma.user.findUnique({ where: { login } })).toMatchObject({ status: 'PENDING_ACTIVATION' });

    expect(await resendActivation({ identifier: login, origin, ip: freshIp() })).toEqual({ message: RESEND_ANSWER });
    const fresh = await lastLink(prisma, login, '/activation/');
    expect(fresh).not.toBe(old);
    const resent = await prisma.outboxEmail.findFirstOrThrow({ where: { to: login }, orderBy: { createdAt: 'desc' } });
    expect(resent.subject).toMatch(/Nouveau lien d’activation/);
    expect(await activate(old)).toMatchObject({ ok: false }); // the old link stopped working
    expect(await activate(fresh)).toMatchObject({ ok: true, login });
  });

  it('refuses an unknown or tampered link', async () => {
    expect(await activate('n-importe-quoi-0123456789')).toEqual({ ok: false, reason: 'unknown' });
    const result = await activateAccountAction({ token: 'x' });
    expect(result.ok).toBe(false);
  });

  it('activates a staff member who signed up alone without making them active in the establishment', async () => {
    const { prisma } = db();
    const { establishment } = await makeRegistered(prisma, '0350033W');
    const { user, membership } = await makeMember(prisma, {
      establishmentId: establishment.id,
      login: 'marie.leroy@ac-rennes.fr',
      role: 'MAIN_TEACHER',
      status: 'PENDING',
    });
    await prisma.user.update({ where: { id: user.id }, data: { status: 'PENDING_ACTIVATION' } });
    await prisma.$transaction((tx) => sendActivationEmail(tx, { userId: user.id, to: user.email!, origin, platformName: 'ministage' }));
    const raw = await lastLink(prisma, 'marie.leroy@ac-rennes.fr', '/activation/');
    expect(await activate(raw)).toMatchObject({ ok: true, managerOf: [] });
    expect(await prisma.membership.findUnique({ where: { id: membership.id } })).toMatchObject({ status: 'PENDING' });
  });

  it('never makes a second manager: someone with the same role pending elsewhere stays pending', async () => {
    const { prisma } = db();
    const { establishment } = await makeRegistered(prisma, '0352274G');
    const intruder = await makeUser(prisma, { login: 'intrus@ac-rennes.fr', status: 'PENDING_ACTIVATION' });
    await prisma.membership.create({ data: { userId: intruder.id, establishmentId: establishment.id, role: 'PRINCIPAL', status: 'PENDING' } });
    await prisma.$transaction((tx) => sendActivationEmail(tx, { userId: intruder.id, to: intruder.email!, origin, platformName: 'ministage' }));
    expect(await activate(await lastLink(prisma, 'intrus@ac-rennes.fr', '/activation/'))).toMatchObject({ ok: true, managerOf: [] });
    expect(await prisma.membership.count({ where: { establishmentId: establishment.id, status: 'ACTIVE', role: 'PRINCIPAL' } })).toBe(1);
  });
});

describe('« Vous n’avez pas reçu le message d’activation ? »', () => {
  it('answers the same for a pending, an active and an unknown identifier, and sends only to the pending one', async () => {
    const { prisma } = db();
    await register('0351881E');
    const before = await prisma.outboxEmail.count();
    const answers = await Promise.all(
      ['ce.0351881e@ac-rennes.fr', 'ce.0351847t@ac-rennes.fr', 'personne@ac-rennes.fr'].map((identifier) => resendActivation({ identifier, origin, ip: freshIp() })),
    );
    expect(new Set(answers.map((a) => a.message))).toEqual(new Set([RESEND_ANSWER]));
    expect(await prisma.outboxEmail.count()).toBe(before + 1);
    expect(await prisma.outboxEmail.count({ where: { to: 'ce.0351881e@ac-rennes.fr' } })).toBe(2);
  });

  it('throttles resending for one identifier after five requests, existing or not', async () => {
    for (const identifier of ['ce.0351850w@ac-rennes.fr', 'inconnu@ac-rennes.fr']) {
      for (let i = 0; i < 5; i++) await resendActivation({ identifier, origin, ip: freshIp() });
      await expect(resendActivation({ identifier, origin, ip: freshIp() })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    }
  });

  it('throttles one address asking for many identifiers', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await resendActivation({ identifier: `x${i}@ac-rennes.fr`, origin, ip });
    await expect(resendActivation({ identifier: 'y@ac-rennes.fr', origin, ip })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  }, 30_000);
});
