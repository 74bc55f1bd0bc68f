// The throttle's counters (RateLimit) hold client addresses, emails and digests of typed logins: the ones
// that no longer count are deleted (purgeThrottles, hourly in the mail worker), and what a stranger types
// as an identifier is never stored as typed.
import { useTestDb } from '../helpers/db';
import { purgeThrottles, RULES, STALE_THROTTLE_MS } from '@/lib/core/throttle';
import { PUPIL_SIGNUP_IP_RULE } from '@/lib/classes/signup';
import { checkCredentials } from '@/lib/core/credentials';

const db = useTestDb();
const NOW = new Date('2027-02-01T10:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const DAY = 86_400_000;

it('every rule’s window and block end well before a counter is purged', () => {
  for (const [name, r] of Object.entries({ ...RULES, PUPIL_SIGNUP_IP_RULE }))
    expect({ name, over: r.windowMs + r.blockMs < STALE_THROTTLE_MS }).toEqual({ name, over: true });
});

it('deletes the counters whose window and block are long over, the « usual client » marks past 30 days, and nothing else', async () => {
  const p = db().prisma;
  await p.rateLimit.deleteMany();
  await p.rateLimit.createMany({
    data: [
      { key: 'login:ip:203.0.113.1', count: 3, windowStart: ago(8 * DAY) }, // over: goes
      { key: 'mail:reset:parent@example.fr', count: 5, windowStart: ago(8 * DAY), blockedUntil: ago(8 * DAY - 900_000) }, // over: goes
      { key: 'login:ip:203.0.113.2', count: 3, windowStart: ago(6 * DAY) }, // not yet
      { key: 'login:ip:203.0.113.3', count: 30, windowStart: ago(8 * DAY), blockedUntil: new Date(NOW.getTime() + 60_000) }, // still blocked
      { key: 'signin:known:u:abc|203.0.113.4', count: 0, windowStart: ago(31 * DAY) }, // past 30 days: goes
      { key: 'signin:known:u:abc|203.0.113.5', count: 0, windowStart: ago(20 * DAY) }, // still the account's usual client
    ],
  });
  expect(await purgeThrottles(NOW)).toBe(3);
  expect((await p.rateLimit.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual([
    'login:ip:203.0.113.2',
    'login:ip:203.0.113.3',
    'signin:known:u:abc|203.0.113.5',
  ]);
});

it('an identifier that no account has is counted by its digest, never stored as typed', async () => {
  const p = db().prisma;
  await p.rateLimit.deleteMany();
  const typed = 'MonMotDePasse-Secret-2027';
  expect(await checkCredentials({ login: typed, password: 'x', ip: '198.51.100.9' }, { wait: () => undefined })).toEqual({ ok: false, reason: 'INVALID' });
  const keys = (await p.rateLimit.findMany()).map((r) => r.key);
  expect(keys.some((k) => k.startsWith('signin:l:'))).toBe(true);
  expect(keys.join(' ').toLowerCase()).not.toContain(typed.toLowerCase());
  // Counted the same: the same typed identifier hits the same counter.
  await checkCredentials({ login: typed, password: 'y', ip: '198.51.100.9' }, { wait: () => undefined });
  const pair = await p.rateLimit.findFirstOrThrow({ where: { key: { startsWith: 'signin:l:', contains: '|198.51.100.9' } } });
  expect(pair.count).toBe(2);
});
