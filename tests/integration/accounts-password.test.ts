jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('@/lib/core/request', () => ({ clientIp: async () => (globalThis as { testIp?: string }).testIp ?? '127.0.0.1' }));

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshIp, lastLink, seedReference } from '../factories/accounts';
import { PASSWORD, makeEstablishment, makeUser } from '../factories/people';
import { RESET_REQUEST_ANSWER, requestPasswordReset, resetPassword } from '@/lib/accounts/passwords';
import { activateWithPassword } from '@/lib/accounts/activation';
import { readAccountLink } from '@/lib/accounts/queries';
import { registerEstablishment } from '@/lib/accounts/registration';
import { checkCredentials } from '@/lib/core/credentials';
import { changePasswordAction, requestPasswordResetAction, resetPasswordAction } from '@/lib/accounts/actions';
import { loadUser } from '@/lib/core/actor';

const db = useTestDb();
const origin = 'http://localhost:3000';
const NEW_PASSWORD = 'Nouveau-mot-de-passe-2027';
const ask = (email: string) => requestPasswordReset({ email, origin, ip: freshIp() });
const setIp = (ip: string) => ((globalThis as { testIp?: string }).testIp = ip);

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  for (const login of ['directeur@ac-rennes.fr', 'simple@ac-rennes.fr', 'compte@ac-rennes.fr', 'mon.compte@ac-rennes.fr']) await makeUser(prisma, { login });
  await makeUser(prisma, { login: 'ferme@ac-rennes.fr', status: 'DISABLED' });
});

describe('« Mot de passe oublié ? »', () => {
  it('emails a reset link to an existing account and gives the same answer for an unknown address, which gets nothing', async () => {
    const { prisma } = db();
    expect(await ask('directeur@ac-rennes.fr')).toEqual({ message: RESET_REQUEST_ANSWER });
    expect(await ask('inconnu@ac-rennes.fr')).toEqual({ message: RESET_REQUEST_ANSWER });
    expect(await ask('ferme@ac-rennes.fr')).toEqual({ message: RESET_REQUEST_ANSWER });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'directeur@ac-rennes.fr', template: 'password-reset' } });
    expect(mail.text).toContain(`${origin}/reinitialisation/`);
    expect(mail.text).toContain('1 heure');
    expect(await prisma.outboxEmail.count({ where: { to: { in: ['inconnu@ac-rennes.fr', 'ferme@ac-rennes.fr'] } } })).toBe(0);
  });

  it('stores only a hash of the token', async () => {
    const { prisma } = db();
    const raw = await lastLink(prisma, 'directeur@ac-rennes.fr', '/reinitialisation/');
    const tokens = await prisma.authToken.findMany({ where: { kind: 'PASSWORD_RESET' } });
    expect(tokens.some((t) => t.tokenHash.includes(raw))).toBe(false);
  });

  it('answers an existing and an unknown address in similar time', async () => {
    const time = async (email: string) => {
      const t = Date.now();
      await ask(email);
      return Date.now() - t;
    };
    await time('chauffe@ac-rennes.fr');
    const known = [await time('simple@ac-rennes.fr'), await time('simple@ac-rennes.fr'), await time('simple@ac-rennes.fr')];
    const unknown = [await time('x1@ac-rennes.fr'), await time('x2@ac-rennes.fr'), await time('x3@ac-rennes.fr')];
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[1];
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(60);
  }, 30_000);

  it('sets the new password, signs out the other sessions, and lets the old password no longer in', async () => {
    const { prisma } = db();
    const raw = await lastLink(prisma, 'directeur@ac-rennes.fr', '/reinitialisation/');
    const before = await prisma.user.findUniqueOrThrow({ where: { login: 'directeur@ac-rennes.fr' } });
    expect(await resetPassword({ token: raw, password: NEW_PASSWORD })).toEqual({ login: 'directeur@ac-rennes.fr' });
    const after = await prisma.user.findUniqueOrThrow({ where: { login: 'directeur@ac-rennes.fr' } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadUser(after.id, before.sessionVersion)).toBeNull();
    expect(await checkCredentials({ login: 'directeur@ac-rennes.fr', password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'INVALID' });
    expect((await checkCredentials({ login: 'directeur@ac-rennes.fr', password: NEW_PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: 'account.password-reset', actorId: after.id } })).toBe(1);
  });

  it('accepts a reset link once only', async () => {
    const raw = await lastLink(db().prisma, 'directeur@ac-rennes.fr', '/reinitialisation/');
    await expect(resetPassword({ token: raw, password: 'Encore-un-autre-2028' })).rejects.toThrow(/déjà été utilisé/);
  });

  it('refuses a link older than one hour', async () => {
    const { prisma } = db();
    await ask('simple@ac-rennes.fr');
    const raw = await lastLink(prisma, 'simple@ac-rennes.fr', '/reinitialisation/');
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await readAccountLink('password-reset', raw, later)).toMatchObject({ state: 'expired' });
    await expect(resetPassword({ token: raw, password: NEW_PASSWORD, now: later })).rejects.toMatchObject({ code: 'EXPIRED' });
    await expect(resetPassword({ token: raw, password: NEW_PASSWORD, now: new Date(Date.now() + 59 * 60_000) })).resolves.toBeTruthy();
  });

  it('does not take an activation link for a reset link, nor the reverse', async () => {
    const { prisma } = db();
    await makeEstablishment(prisma, { uai: '0352260S' });
    await registerEstablishment(
      { uai: '0352260S', civility: 'Mme', lastName: 'A', firstName: 'B', function: "Chef d'établissement", password: PASSWORD, passwordConfirm: PASSWORD },
      { origin, ip: freshIp() },
    );
    const activation = await lastLink(prisma, 'ce.0352260s@ac-rennes.fr', '/activation/');
    await expect(resetPassword({ token: activation, password: NEW_PASSWORD })).rejects.toThrow(/pas valide/);
    await ask('compte@ac-rennes.fr');
    const reset = await lastLink(prisma, 'compte@ac-rennes.fr', '/reinitialisation/');
    expect(await activateWithPassword({ raw: reset, password: PASSWORD })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('activates a registration still waiting for activation, since the link proves the mailbox', async () => {
    const { prisma } = db();
    await ask('ce.0352260s@ac-rennes.fr');
    await resetPassword({ token: await lastLink(prisma, 'ce.0352260s@ac-rennes.fr', '/reinitialisation/'), password: NEW_PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { login: 'ce.0352260s@ac-rennes.fr' }, include: { memberships: true } });
    expect(user.status).toBe('ACTIVE');
    expect(user.memberships[0].status).toBe('ACTIVE');
  });

  it('refuses a new password shorter than 12 characters on the server', async () => {
    const result = await resetPasswordAction({ token: 'abcdefghijklmnop', password: 'trop-court', passwordConfirm: 'trop-court' });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { password: ['Le mot de passe doit comporter au moins 12 caractères.'] } } });
  });

  it('throttles reset requests for one address, with the same message whether it exists or not', async () => {
    actAs(null);
    await makeUser(db().prisma, { login: 'limite@ac-rennes.fr' });
    for (const email of ['limite@ac-rennes.fr', 'nexistepas@ac-rennes.fr']) {
      const answers = [];
      for (let i = 0; i < 6; i++) {
        setIp(freshIp());
        answers.push(await requestPasswordResetAction({ email }));
      }
      expect(answers.slice(0, 5).every((a) => a.ok)).toBe(true);
      expect(answers[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    }
  }, 30_000);
});

describe('changing one’s password from « Mon compte »', () => {
  it('requires the current password and signs every session out', async () => {
    const { prisma } = db();
    const user = await prisma.user.findUniqueOrThrow({ where: { login: 'mon.compte@ac-rennes.fr' } });
    actAs(user.id);
    const wrong = await changePasswordAction({ currentPassword: 'pas-le-bon', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { currentPassword: ['Le mot de passe actuel est incorrect.'] } } });
    const ok = await changePasswordAction({ currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(ok).toEqual({ ok: true, data: { signedOut: true } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it('is refused to someone not signed in', async () => {
    actAs(null);
    const result = await changePasswordAction({ currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
