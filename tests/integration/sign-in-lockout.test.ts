// Principals' logins are public (derived from the UAI): a stranger's wrong passwords must not lock
// the owner out. Failures are counted per (account, client): 5 block that client on that account for
// 15 minutes. The account as a whole slows down (a growing wait before answering, a few seconds at
// most) and stops clients it does not know after 50 failures in 15 minutes; the clients from which
// the owner signed in recently are neither slowed nor stopped by the others' failures.
import { useTestDb } from '../helpers/db';
import { freshIp, lastLink } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { checkCredentials } from '@/lib/core/credentials';
import { DELAY_MAX_MS } from '@/lib/core/throttle';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/passwords';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
const START = new Date('2031-03-10T08:00:00Z');

beforeEach(() => setNow(START, { frozen: true }));
afterAll(() => setNow(null));

/** One sign-in attempt; `waited` is the delay the check asked for (recorded, not slept). */
async function signIn(login: string, password: string, ip: string) {
  let waited = 0;
  const result = await checkCredentials({ login, password, ip }, { wait: (ms) => void (waited += ms) });
  return { result, waited };
}
const outcome = async (login: string, password: string, ip: string) => {
  const { result } = await signIn(login, password, ip);
  return result.ok ? 'OK' : result.reason;
};

describe('a stranger’s wrong passwords', () => {
  it('do not lock the owner out: the owner signs in at once from their usual client', async () => {
    await makeUser(db().prisma, { login: 'ce.0350033w@ac-rennes.fr' });
    const home = freshIp();
    expect(await outcome('ce.0350033w@ac-rennes.fr', PASSWORD, home)).toBe('OK');
    const stranger = freshIp();
    for (let i = 0; i < 5; i++) expect(await outcome('ce.0350033w@ac-rennes.fr', `faux-${i}`, stranger)).toBe('INVALID');
    expect(await outcome('ce.0350033w@ac-rennes.fr', PASSWORD, stranger)).toBe('THROTTLED'); // that client is blocked on that account
    expect(await signIn('ce.0350033w@ac-rennes.fr', PASSWORD, home)).toMatchObject({ result: { ok: true }, waited: 0 });
  });

  it('from a client it never used, the owner still gets in: slowed down, not refused', async () => {
    await makeUser(db().prisma, { login: 'ce.0352274g@ac-rennes.fr' });
    const stranger = freshIp();
    for (let i = 0; i < 5; i++) await signIn('ce.0352274g@ac-rennes.fr', `faux-${i}`, stranger);
    const { result, waited } = await signIn('ce.0352274g@ac-rennes.fr', PASSWORD, freshIp());
    expect(result.ok).toBe(true);
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(DELAY_MAX_MS);
  });

  it('refused attempts are not counted: a blocked client cannot push the account to its cap', async () => {
    await makeUser(db().prisma, { login: 'ce.0351847t@ac-rennes.fr' });
    const stranger = freshIp();
    for (let i = 0; i < 5; i++) await signIn('ce.0351847t@ac-rennes.fr', `faux-${i}`, stranger);
    for (let i = 0; i < 60; i++) expect(await outcome('ce.0351847t@ac-rennes.fr', `faux-bis-${i}`, stranger)).toBe('THROTTLED');
    expect(await outcome('ce.0351847t@ac-rennes.fr', PASSWORD, freshIp())).toBe('OK');
  });
});

describe('failures from many clients (a distributed attack)', () => {
  it('each answer waits longer than the previous one, never more than a few seconds', async () => {
    await makeUser(db().prisma, { login: 'lent@ac-rennes.fr' });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { result, waited } = await signIn('lent@ac-rennes.fr', `faux-${i}`, freshIp());
      expect(result).toEqual({ ok: false, reason: 'INVALID' });
      waits.push(waited);
    }
    expect(waits[0]).toBe(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits.at(-1)).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DELAY_MAX_MS);
  });

  it('is stopped after 50 failures in 15 minutes for clients the account does not know, not for its usual client', async () => {
    await makeUser(db().prisma, { login: 'cible@ac-rennes.fr' });
    const home = freshIp();
    expect(await outcome('cible@ac-rennes.fr', PASSWORD, home)).toBe('OK');
    for (let i = 0; i < 50; i++) expect(await outcome('cible@ac-rennes.fr', `faux-${i}`, freshIp())).toBe('INVALID');
    expect(await outcome('cible@ac-rennes.fr', 'faux-51', freshIp())).toBe('THROTTLED');
    expect(await outcome('cible@ac-rennes.fr', PASSWORD, freshIp())).toBe('THROTTLED');
    expect(await signIn('cible@ac-rennes.fr', PASSWORD, home)).toMatchObject({ result: { ok: true }, waited: 0 });
    setNow(new Date(START.getTime() + 31 * 60_000), { frozen: true }); // the block (15 min) and its window are over
    expect(await outcome('cible@ac-rennes.fr', PASSWORD, freshIp())).toBe('OK');
  }, 240_000); // 50 real password hashes on a busy machine
});

describe('one client on one account', () => {
  it('is blocked for 15 minutes after 5 failures, even with the right password; other accounts stay open to it', async () => {
    await makeUser(db().prisma, { login: 'bloque@ac-rennes.fr' });
    await makeUser(db().prisma, { login: 'voisin@ac-rennes.fr' });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signIn('bloque@ac-rennes.fr', `faux-${i}`, ip);
    expect(await outcome('bloque@ac-rennes.fr', PASSWORD, ip)).toBe('THROTTLED');
    expect(await outcome('voisin@ac-rennes.fr', PASSWORD, ip)).toBe('OK');
    setNow(new Date(START.getTime() + 14 * 60_000), { frozen: true });
    expect(await outcome('bloque@ac-rennes.fr', PASSWORD, ip)).toBe('THROTTLED');
    setNow(new Date(START.getTime() + 16 * 60_000), { frozen: true });
    expect(await outcome('bloque@ac-rennes.fr', PASSWORD, ip)).toBe('OK');
  });

  it('an unknown login is throttled exactly like an existing one (the throttle does not tell which accounts exist)', async () => {
    await makeUser(db().prisma, { login: 'existe@ac-rennes.fr' });
    const run = async (login: string) => {
      const ip = freshIp();
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) seen.push(await outcome(login, `faux-${i}`, ip));
      seen.push(await outcome(login, `faux-autre`, freshIp()));
      return seen;
    };
    const expected = ['INVALID', 'INVALID', 'INVALID', 'INVALID', 'INVALID', 'THROTTLED', 'INVALID'];
    expect(await run('existe@ac-rennes.fr')).toEqual(expected);
    expect(await run('fantome@ac-rennes.fr')).toEqual(expected);
  });

  it('a successful sign-in forgives that client’s earlier mistakes', async () => {
    await makeUser(db().prisma, { login: 'distrait@ac-rennes.fr' });
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await signIn('distrait@ac-rennes.fr', `faux-${i}`, ip);
    expect(await outcome('distrait@ac-rennes.fr', PASSWORD, ip)).toBe('OK');
    for (let i = 0; i < 4; i++) expect(await outcome('distrait@ac-rennes.fr', `faux-bis-${i}`, ip)).toBe('INVALID');
    expect(await outcome('distrait@ac-rennes.fr', PASSWORD, ip)).toBe('OK');
  });

  it('choosing a new password (« Mot de passe oublié ? ») lifts the block at once', async () => {
    await makeUser(db().prisma, { login: 'oublie@ac-rennes.fr' });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signIn('oublie@ac-rennes.fr', `faux-${i}`, ip);
    expect(await outcome('oublie@ac-rennes.fr', PASSWORD, ip)).toBe('THROTTLED');
    await requestPasswordReset({ email: 'oublie@ac-rennes.fr', origin: 'http://localhost', ip });
    const token = await lastLink(db().prisma, 'oublie@ac-rennes.fr', '/reinitialisation/');
    await resetPassword({ token, password: 'Un-nouveau-mot-de-passe-2031' });
    expect(await outcome('oublie@ac-rennes.fr', 'Un-nouveau-mot-de-passe-2031', ip)).toBe('OK');
  });
});
