import { useTestDb } from '../helpers/db';
import { freshIp } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { checkCredentials, SIGN_IN_MESSAGES } from '@/lib/core/credentials';
import { loadUser } from '@/lib/core/actor';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();

beforeAll(async () => {
  const { prisma } = db();
  await makeUser(prisma, { login: 'actif@ac-rennes.fr' });
  await makeUser(prisma, { login: 'attente@ac-rennes.fr', status: 'PENDING_ACTIVATION' });
  await makeUser(prisma, { login: 'examen@exemple.fr', status: 'PENDING_REVIEW' });
  await makeUser(prisma, { login: 'desactive@ac-rennes.fr', status: 'DISABLED' });
  await makeUser(prisma, { login: 'lea.morel', email: null });
  await makeUser(prisma, { login: 'bloque@ac-rennes.fr' });
});

// The progressive delay is recorded, not slept (tests/integration/sign-in-lockout.test.ts covers it).
const tryLogin = (login: string, password = PASSWORD, ip = freshIp()) => checkCredentials({ login, password, ip }, { wait: () => undefined });
afterAll(() => setNow(null));

describe('signing in', () => {
  it('accepts the right password, whatever the case of the address, and records the sign-in', async () => {
    const result = await tryLogin(' Actif@AC-Rennes.fr ');
    expect(result).toMatchObject({ ok: true, user: { login: 'actif@ac-rennes.fr', sessionVersion: 0 } });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { login: 'actif@ac-rennes.fr' } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it('accepts a pupil’s chosen login without email', async () => {
    expect((await tryLogin('lea.morel')).ok).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown address', async () => {
    expect(await tryLogin('actif@ac-rennes.fr', 'mauvais-mot-de-passe')).toEqual({ ok: false, reason: 'INVALID' });
    expect(await tryLogin('personne@ac-rennes.fr')).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('tells only the person who knows the password that the account is not activated, under review or disabled', async () => {
    expect(await tryLogin('attente@ac-rennes.fr', 'mauvais-mot-de-passe')).toEqual({ ok: false, reason: 'INVALID' });
    expect(await tryLogin('attente@ac-rennes.fr')).toEqual({ ok: false, reason: 'NOT_ACTIVATED' });
    expect(await tryLogin('examen@exemple.fr')).toEqual({ ok: false, reason: 'PENDING_REVIEW' });
    expect(await tryLogin('desactive@ac-rennes.fr')).toEqual({ ok: false, reason: 'DISABLED' });
    for (const message of Object.values(SIGN_IN_MESSAGES)) expect(message).toMatch(/[.]$/);
  });

  it('blocks one client on an account for 15 minutes after 5 failures, even with the right password then', async () => {
    const start = new Date('2031-03-10T08:00:00Z');
    setNow(start, { frozen: true });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await tryLogin('bloque@ac-rennes.fr', `faux-${i}`, ip)).ok).toBe(false);
    expect(await tryLogin('bloque@ac-rennes.fr', PASSWORD, ip)).toEqual({ ok: false, reason: 'THROTTLED' });
    setNow(new Date(start.getTime() + 14 * 60_000), { frozen: true });
    expect(await tryLogin('bloque@ac-rennes.fr', PASSWORD, ip)).toEqual({ ok: false, reason: 'THROTTLED' });
    setNow(new Date(start.getTime() + 15 * 60_000 + 1000), { frozen: true });
    expect((await tryLogin('bloque@ac-rennes.fr', PASSWORD, ip)).ok).toBe(true);
    setNow(null);
  });

  it('blocks an unknown address the same way as an existing one (no enumeration by the throttle)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await tryLogin('fantome@ac-rennes.fr', `faux-${i}`, ip);
    expect(await tryLogin('fantome@ac-rennes.fr', PASSWORD, ip)).toEqual({ ok: false, reason: 'THROTTLED' });
  });

  it('blocks one client address after 20 failures on any accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await tryLogin(`essai${i}@ac-rennes.fr`, 'faux', ip);
    expect(await tryLogin('actif@ac-rennes.fr', PASSWORD, ip)).toEqual({ ok: false, reason: 'THROTTLED' });
    expect((await tryLogin('actif@ac-rennes.fr', PASSWORD, freshIp())).ok).toBe(true);
  }, 60_000);

  it('takes a similar time for an unknown address and a wrong password (a hash is always computed)', async () => {
    const time = async (login: string) => {
      const t = process.hrtime.bigint();
      await tryLogin(login, 'mauvais-mot-de-passe');
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    await time('chauffe@ac-rennes.fr');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time('actif@ac-rennes.fr'));
      unknown.push(await time(`inconnu${i}@ac-rennes.fr`));
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[1];
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(Math.max(median(known), median(unknown)) * 0.5);
  }, 60_000);

  it('refuses a session issued before the password changed (sessionVersion)', async () => {
    const { prisma } = db();
    const user = await prisma.user.findUniqueOrThrow({ where: { login: 'actif@ac-rennes.fr' } });
    expect(await loadUser(user.id, 0)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    expect(await loadUser(user.id, 0)).toBeNull();
    expect(await loadUser(user.id, 1)).not.toBeNull();
  });
});
