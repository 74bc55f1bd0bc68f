// Throttling in the database (RateLimit rows), so every server process shares the counters.
import { prisma } from '../core/db.ts';
import * as clock from '../core/clock.ts';

export type ThrottleRule = { limit: number; windowMs: number; blockMs: number };

export const RULES = {
  /** 5 failed sign-ins → 15 minutes. */
  loginAccount: { limit: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  loginIp: { limit: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  /** Email-sending forms: 5 per 15 minutes per address and per IP. */
  mailTarget: { limit: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  mailIp: { limit: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

/** True when the key is currently blocked. */
export async function isThrottled(key: string, now = clock.now()): Promise<boolean> {
  const row = await prisma.rateLimit.findUnique({ where: { key } });
  return !!row?.blockedUntil && row.blockedUntil > now;
}

/** Counts one event; returns true when this event reaches the limit (the key is then blocked). */
export async function hit(key: string, rule: ThrottleRule, now = clock.now()): Promise<boolean> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  // One statement: insert or increment (reset when the window has passed), race-free.
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 0);
  if (count >= rule.limit) {
    await prisma.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + rule.blockMs) } });
    return true;
  }
  return false;
}

export async function clearThrottle(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/**
 * Counts one attempt and says whether it may go on, in one statement: concurrent attempts each get
 * their own count, so a burst sent at once cannot slip past the limit (check-then-count would).
 * Refused: the key is blocked, or this attempt is over the limit (the key is then blocked).
 */
export async function take(key: string, rule: ThrottleRule, now = clock.now()): Promise<boolean> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const rows = await prisma.$queryRaw<{ count: number; blockedUntil: Date | null }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "blockedUntil"`;
  const row = rows[0];
  if (row?.blockedUntil && new Date(row.blockedUntil) > now) return false;
  if (Number(row?.count ?? 0) > rule.limit) {
    await prisma.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + rule.blockMs) } });
    return false;
  }
  return true;
}

/** Gives back one attempt counted by take() (a sign-in that succeeded is not a failure). */
export async function refund(key: string): Promise<void> {
  await prisma.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Counts an email-sending request for a target and an IP; true when it must be refused. */
export async function throttleMail(kind: string, target: string, ip: string): Promise<boolean> {
  // An 'unknown' address (no proxy) is not one client: only the target is counted then.
  const allowed = await Promise.all([
    take(`mail:${kind}:${target.toLowerCase()}`, RULES.mailTarget),
    ip === 'unknown' ? true : take(`mail:${kind}:ip:${ip}`, RULES.mailIp),
  ]);
  return allowed.includes(false);
}

export const THROTTLED_MESSAGE =
  'Trop de tentatives en peu de temps. Par sécurité, patientez 15 minutes avant de réessayer.';
