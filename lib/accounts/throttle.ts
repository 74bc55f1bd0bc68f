// Throttling in the database (RateLimit rows), so every server process shares the counters.
import { prisma } from '../core/db.ts';

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
export async function isThrottled(key: string, now = new Date()): Promise<boolean> {
  const row = await prisma.rateLimit.findUnique({ where: { key } });
  return !!row?.blockedUntil && row.blockedUntil > now;
}

/** Counts one event; returns true when this event reaches the limit (the key is then blocked). */
export async function hit(key: string, rule: ThrottleRule, now = new Date()): Promise<boolean> {
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

/** Counts an email-sending request for a target and an IP; true when it must be refused (limit reached earlier). */
export async function throttleMail(kind: string, target: string, ip: string): Promise<boolean> {
  const keys = [`mail:${kind}:${target.toLowerCase()}`, `mail:${kind}:ip:${ip}`];
  if ((await Promise.all(keys.map((k) => isThrottled(k)))).some(Boolean)) return true;
  await hit(keys[0], RULES.mailTarget);
  await hit(keys[1], RULES.mailIp);
  return false;
}

export const THROTTLED_MESSAGE =
  'Trop de tentatives en peu de temps. Par sécurité, patientez 15 minutes avant de réessayer.';
