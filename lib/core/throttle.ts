// Throttling in the database (RateLimit rows), so every server process shares the counters.
import { prisma } from './db.ts';
import * as clock from './clock.ts';

export type ThrottleRule = { limit: number; windowMs: number; blockMs: number };

const MINUTES_15 = 15 * 60_000;

export const RULES = {
  /** One guard per account (activation with password, « Mon compte » password change): 5 → 15 minutes. */
  loginAccount: { limit: 5, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  /** Password checks: 5 failures of one client on one account → that client is blocked there 15 minutes. */
  loginPair: { limit: 5, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  /** Failures on one account from all clients: beyond 50 in 15 minutes, clients the account does not know are refused 15 minutes. */
  loginAccountCap: { limit: 50, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  /** Failures of one client on any accounts. */
  loginIp: { limit: 20, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  /**
   * Every request whose client address is unknown (no proxy: development, a trial) shares this one
   * bucket of password checks and email-sending requests: generous for such use, but a bound on the
   * hashing a script can make the server do. No block beyond the window: it refills when it passes.
   */
  unknownClient: { limit: 300, windowMs: MINUTES_15, blockMs: 0 },
  /** Email-sending forms: 5 per 15 minutes per address and per IP. */
  mailTarget: { limit: 5, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  mailIp: { limit: 20, windowMs: MINUTES_15, blockMs: MINUTES_15 },
  /** « Inscrire un stagiaire » and cancellations (each writes emails): 60 requests an hour per member. */
  enrolmentActs: { limit: 60, windowMs: 4 * MINUTES_15, blockMs: 0 },
  /** Convention acts that send emails (« Envoyer pour signature », « Renvoyer les liens ») : 30 an hour per account. */
  conventionActs: { limit: 30, windowMs: 4 * MINUTES_15, blockMs: 0 },
  /** PDFs printed on demand (« Conv », attestations): 120 an hour per account (each one keeps Chromium busy). */
  conventionPdfs: { limit: 120, windowMs: 4 * MINUTES_15, blockMs: 0 },
  /**
   * Signatures and verifications through the public pages: 120 per 15 minutes per client address, no
   * block (a school's whole network shares one address; the tokens and codes cannot be guessed anyway).
   */
  conventionClient: { limit: 120, windowMs: MINUTES_15, blockMs: 0 },
  /** One-time sign-in codes (lib/core/sso.ts): 200 per 15 minutes per account — a person opening many platforms, never a flood of rows. */
  signInCodes: { limit: 200, windowMs: MINUTES_15, blockMs: 0 },
  /** Pupils typed in at enrolment: 30 a day per collège (a collège not using classes yet). */
  typedPupils: { limit: 30, windowMs: 96 * MINUTES_15, blockMs: 0 },
} satisfies Record<string, ThrottleRule>;

/** The one bucket of every request whose client address is unknown (see client-ip.ts). */
export const UNKNOWN_CLIENT_KEY = 'client:unknown';

/** How long a client from which an account signed in stays that account's « usual client ». */
const KNOWN_CLIENT_MS = 30 * 86_400_000;

/**
 * A counter older than this is as good as none (every rule's window and block are shorter: checked by
 * tests/integration/throttle-purge.test.ts), so it can go: RateLimit keys hold addresses and emails.
 */
export const STALE_THROTTLE_MS = 7 * 86_400_000;

/**
 * Deletes the counters that no longer count (run hourly by the mail worker): windows and blocks over
 * for STALE_THROTTLE_MS, « usual client » marks older than their 30 days. Returns how many went.
 */
export async function purgeThrottles(now = clock.now()): Promise<number> {
  const { count } = await prisma.rateLimit.deleteMany({
    where: {
      OR: [
        { key: { startsWith: 'signin:known:' }, windowStart: { lt: new Date(now.getTime() - KNOWN_CLIENT_MS) } },
        {
          NOT: { key: { startsWith: 'signin:known:' } },
          windowStart: { lt: new Date(now.getTime() - STALE_THROTTLE_MS) },
          OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
        },
      ],
    },
  });
  return count;
}

/** A new password: the account's sign-in counters (all clients) start again. */
export async function clearSignInThrottles(account: string): Promise<void> {
  const accountKey = `signin:${account}`;
  await prisma.rateLimit.deleteMany({ where: { OR: [{ key: accountKey }, { key: { startsWith: `${accountKey}|` } }] } });
}

export async function clearThrottle(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/**
 * Counts one attempt and says whether it may go on, in one statement: concurrent attempts each get
 * their own count, so a burst sent at once cannot slip past the limit (check-then-count would).
 * Refused: the key is blocked, or this attempt is over the limit (the key is then blocked).
 * `count` is this attempt's rank in the current window.
 */
async function takeCount(key: string, rule: ThrottleRule, now = clock.now()): Promise<{ allowed: boolean; count: number }> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const rows = await prisma.$queryRaw<{ count: number; blockedUntil: Date | null }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "blockedUntil"`;
  const row = rows[0];
  const count = Number(row?.count ?? 0);
  if (row?.blockedUntil && new Date(row.blockedUntil) > now) return { allowed: false, count };
  if (count > rule.limit) {
    await prisma.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + rule.blockMs) } });
    return { allowed: false, count };
  }
  return { allowed: true, count };
}

/** takeCount, when only the answer matters. */
export async function take(key: string, rule: ThrottleRule, now = clock.now()): Promise<boolean> {
  return (await takeCount(key, rule, now)).allowed;
}

/** Gives back one attempt counted by take() (a sign-in that succeeded is not a failure). */
async function refund(key: string): Promise<void> {
  await prisma.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/**
 * Counts one request of a client: per address (`<scope>:ip:<address>`) when it is known, in the
 * one shared bucket of unknown addresses otherwise. Returns the key counted, or null when refused.
 */
export async function takeClient(scope: string, ip: string, rule: ThrottleRule, now = clock.now()): Promise<string | null> {
  const key = ip === 'unknown' ? UNKNOWN_CLIENT_KEY : `${scope}:ip:${ip}`;
  return (await take(key, ip === 'unknown' ? RULES.unknownClient : rule, now)) ? key : null;
}

/** Counts an email-sending request for a target and an IP; true when it must be refused. */
export async function throttleMail(kind: string, target: string, ip: string): Promise<boolean> {
  const [byTarget, byClient] = await Promise.all([take(`mail:${kind}:${target.toLowerCase()}`, RULES.mailTarget), takeClient(`mail:${kind}`, ip, RULES.mailIp)]);
  return !byTarget || byClient === null;
}

// ── Password checks (sign-in, an invitation accepted with an existing account) ────────────────

/** The longest wait before a password check of an account under attack. */
export const DELAY_MAX_MS = 4_000;
const DELAY_FREE_FAILURES = 3;
const DELAY_BASE_MS = 250;

/**
 * The wait before checking a password, given the failures already counted on the account in the
 * current window: none for the first 3 (a person who mistypes), then 250 ms doubling each time,
 * at most DELAY_MAX_MS. Pure, so that tests need not measure time.
 */
export function delayFor(failures: number): number {
  if (!(failures >= DELAY_FREE_FAILURES)) return 0;
  const steps = failures - DELAY_FREE_FAILURES;
  return steps >= 5 ? DELAY_MAX_MS : Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** steps);
}

export type PasswordAttempt =
  | { allowed: false }
  | {
      allowed: true;
      /** How long to wait before checking the password (0 for the account's usual clients). */
      delayMs: number;
      /** The password was right: this client's failures on the account are forgiven, it becomes a usual client. */
      succeeded: () => Promise<void>;
    };

/**
 * Counts one password check of `account` (an identity that does not change with the login typed:
 * `u:<user id>`, or `l:<digest of the login>` when no account has it) from `ip`, before the password is hashed.
 *
 * - the client (its address; all unknown addresses together): RULES.loginIp, or RULES.unknownClient;
 * - the client on this account: RULES.loginPair (5 failures → that client blocked 15 minutes);
 * - the account, all clients together: a growing wait (delayFor) and, beyond RULES.loginAccountCap,
 *   a refusal — except for the account's usual clients (where it signed in within KNOWN_CLIENT_MS),
 *   which a stranger's failures neither slow down nor stop.
 * A usual client is not held by its address's limit either: on a shared school network (one
 * address), a pupil's guesses on made-up logins cannot block the staff who sign in from there.
 * A refused attempt gives back what it counted, so that a blocked client cannot fill the account's
 * counter for free. A new password (reset or change) clears the account's counters
 * (clearSignInThrottles); signing out does not (it would hand a guesser fresh attempts).
 */
export async function startPasswordAttempt(input: { account: string; ip: string; now?: Date }): Promise<PasswordAttempt> {
  const now = input.now ?? clock.now();
  const ip = input.ip || 'unknown';
  const unknown = ip === 'unknown';
  const accountKey = `signin:${input.account}`;
  const pairKey = `${accountKey}|${ip}`;
  const knownKey = `signin:known:${input.account}|${ip}`;
  const taken: string[] = [];
  const refuse = async (): Promise<PasswordAttempt> => {
    await Promise.all(taken.map(refund));
    return { allowed: false };
  };

  const known = !unknown && (await isKnownClient(knownKey, now));
  const clientKey = unknown ? UNKNOWN_CLIENT_KEY : `login:ip:${ip}`;
  const [client, pair] = await Promise.all([known ? 'exempt' : take(clientKey, unknown ? RULES.unknownClient : RULES.loginIp, now), take(pairKey, RULES.loginPair, now)]);
  if (client === true) taken.push(clientKey);
  if (pair) taken.push(pairKey);
  if (!client || !pair) return refuse();

  const account = await takeCount(accountKey, RULES.loginAccountCap, now);
  taken.push(accountKey);
  if (!account.allowed && !known) return refuse();

  return {
    allowed: true,
    delayMs: known ? 0 : delayFor(account.count - 1),
    succeeded: async () => {
      await Promise.all([
        clearThrottle(pairKey),
        refund(accountKey),
        unknown || known ? undefined : refund(clientKey), // the unknown bucket bounds hashing work: never refunded
        unknown ? undefined : rememberClient(input.account, knownKey, now),
      ]);
    },
  };
}

async function isKnownClient(knownKey: string, now: Date): Promise<boolean> {
  const row = await prisma.rateLimit.findUnique({ where: { key: knownKey }, select: { windowStart: true } });
  return !!row && row.windowStart.getTime() > now.getTime() - KNOWN_CLIENT_MS;
}

/** Records the client as one the account signed in from; the account's records older than KNOWN_CLIENT_MS (addresses: personal data) go. */
async function rememberClient(account: string, knownKey: string, now: Date): Promise<void> {
  await prisma.rateLimit.upsert({ where: { key: knownKey }, create: { key: knownKey, count: 0, windowStart: now }, update: { windowStart: now } });
  await prisma.rateLimit.deleteMany({
    where: { key: { startsWith: `signin:known:${account}|` }, windowStart: { lt: new Date(now.getTime() - KNOWN_CLIENT_MS) } },
  });
}

/** Waits `ms` (the default of the password checks' `wait` option). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const THROTTLED_MESSAGE = 'Trop de tentatives en peu de temps. Par sécurité, patientez 15 minutes avant de réessayer.';
