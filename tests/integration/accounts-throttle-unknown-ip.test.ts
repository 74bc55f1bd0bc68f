// Without a proxy telling the client's address, every visitor is « unknown ». Counting them as one
// client with the per-client limits would let 20 failures lock everybody out; not counting them at
// all would leave the server hashing passwords without end. They share one generous bucket instead.
import { useTestDb } from '../helpers/db';
import { freshIp } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { checkCredentials } from '@/lib/core/credentials';
import { RULES, UNKNOWN_CLIENT_KEY, clearThrottle, throttleMail } from '@/lib/core/throttle';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
const START = new Date('2031-03-10T08:00:00Z');
const noWait = { wait: () => undefined };
const signIn = (login: string, password: string, ip = 'unknown') => checkCredentials({ login, password, ip }, noWait);

beforeEach(async () => {
  setNow(START, { frozen: true });
  await clearThrottle(UNKNOWN_CLIENT_KEY);
});
afterAll(() => setNow(null));

/** Fills the shared bucket up to `left` remaining checks in the current window. */
async function leaveInUnknownBucket(left: number) {
  const count = RULES.unknownClient.limit - left;
  await db().prisma.rateLimit.upsert({
    where: { key: UNKNOWN_CLIENT_KEY },
    create: { key: UNKNOWN_CLIENT_KEY, count, windowStart: START },
    update: { count, windowStart: START, blockedUntil: null },
  });
}

describe('throttling when the client address is unknown (no reverse proxy)', () => {
  it('does not let failures on other accounts lock everybody out', async () => {
    await makeUser(db().prisma, { login: 'prof@ac-rennes.fr' });
    for (let i = 0; i < 25; i++) {
      expect(await signIn(`inconnu${i}@ac-rennes.fr`, 'faux-mot-de-passe')).toEqual({ ok: false, reason: 'INVALID' });
    }
    expect((await signIn('prof@ac-rennes.fr', PASSWORD)).ok).toBe(true);
  });

  it('still limits each account: 5 failures block it for 15 minutes', async () => {
    await makeUser(db().prisma, { login: 'cible@ac-rennes.fr' });
    for (let i = 0; i < 5; i++) await signIn('cible@ac-rennes.fr', 'faux');
    expect(await signIn('cible@ac-rennes.fr', PASSWORD)).toEqual({ ok: false, reason: 'THROTTLED' });
  });

  it('limits email-sending forms per target address', async () => {
    for (let i = 0; i < 30; i++) expect(await throttleMail('reset', `personne${i}@ac-rennes.fr`, 'unknown')).toBe(false);
    for (let i = 0; i < 5; i++) expect(await throttleMail('reset', 'une@ac-rennes.fr', 'unknown')).toBe(false);
    expect(await throttleMail('reset', 'une@ac-rennes.fr', 'unknown')).toBe(true);
  });
});

describe('the shared bucket of unknown-address requests', () => {
  it('is generous: a few hundred password checks per 15 minutes', () => {
    expect(RULES.unknownClient.limit).toBeGreaterThanOrEqual(200);
    expect(RULES.unknownClient.windowMs).toBe(15 * 60_000);
  });

  it('counts every password check, successful or not (the hashing work is what it bounds)', async () => {
    await makeUser(db().prisma, { login: 'compte@ac-rennes.fr' });
    await signIn('compte@ac-rennes.fr', PASSWORD);
    await signIn('compte@ac-rennes.fr', 'faux');
    await signIn('personne@ac-rennes.fr', 'faux');
    expect((await db().prisma.rateLimit.findUniqueOrThrow({ where: { key: UNKNOWN_CLIENT_KEY } })).count).toBe(3);
  });

  it('once full, refuses further sign-ins and sign-up emails from unknown addresses until the window passes', async () => {
    await makeUser(db().prisma, { login: 'plein@ac-rennes.fr' });
    await leaveInUnknownBucket(1);
    expect((await signIn('plein@ac-rennes.fr', PASSWORD)).ok).toBe(true); // the last one
    expect(await signIn('plein@ac-rennes.fr', PASSWORD)).toEqual({ ok: false, reason: 'THROTTLED' });
    expect(await signIn('autre@ac-rennes.fr', 'faux')).toEqual({ ok: false, reason: 'THROTTLED' });
    expect(await throttleMail('staff-signup', 'nouveau@ac-rennes.fr', 'unknown')).toBe(true);
    // A client whose address is known is not concerned.
    expect((await signIn('plein@ac-rennes.fr', PASSWORD, freshIp())).ok).toBe(true);
    expect(await throttleMail('staff-signup', 'nouveau2@ac-rennes.fr', freshIp())).toBe(false);
    setNow(new Date(START.getTime() + 16 * 60_000), { frozen: true });
    expect((await signIn('plein@ac-rennes.fr', PASSWORD)).ok).toBe(true);
  });

  it('refused attempts do not use the bucket up (a blocked account costs no hashing)', async () => {
    await makeUser(db().prisma, { login: 'ferme@ac-rennes.fr' });
    for (let i = 0; i < 5; i++) await signIn('ferme@ac-rennes.fr', 'faux');
    for (let i = 0; i < 20; i++) expect(await signIn('ferme@ac-rennes.fr', 'faux')).toEqual({ ok: false, reason: 'THROTTLED' });
    expect((await db().prisma.rateLimit.findUniqueOrThrow({ where: { key: UNKNOWN_CLIENT_KEY } })).count).toBe(5);
  });
});
