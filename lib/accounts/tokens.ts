// Single-use, expiring link tokens (activation, password reset, invitations): the raw token goes
// in the emailed link, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../core/db.ts';
import type { TokenKind } from '../generated/prisma/client.ts';
import * as clock from '../core/clock.ts';

export const newRawToken = () => randomBytes(32).toString('base64url');
export const hashToken = (raw: string) => createHash('sha256').update(raw).digest('hex');

/** Creates a token for the user (older unused tokens of that kind stop working); returns the raw token. */
export async function issueToken(tx: Tx, input: { userId: string; kind: TokenKind; ttlMinutes: number; now?: Date }): Promise<string> {
  const now = input.now ?? clock.now();
  await tx.authToken.updateMany({ where: { userId: input.userId, kind: input.kind, usedAt: null }, data: { usedAt: now } });
  const raw = newRawToken();
  await tx.authToken.create({
    data: { userId: input.userId, kind: input.kind, tokenHash: hashToken(raw), expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000) },
  });
  return raw;
}

export type ConsumeResult = { ok: true; userId: string } | { ok: false; reason: 'UNKNOWN' | 'USED' | 'EXPIRED'; userId?: string };

/** Marks the token used (once: a conditional update, safe against double clicks) and returns its user. */
export async function consumeToken(tx: Tx, input: { kind: TokenKind; raw: string; now?: Date }): Promise<ConsumeResult> {
  const now = input.now ?? clock.now();
  const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(input.raw) } });
  if (!row || row.kind !== input.kind) return { ok: false, reason: 'UNKNOWN' };
  if (row.usedAt) return { ok: false, reason: 'USED', userId: row.userId };
  if (row.expiresAt <= now) return { ok: false, reason: 'EXPIRED', userId: row.userId };
  const { count } = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) return { ok: false, reason: 'USED', userId: row.userId };
  return { ok: true, userId: row.userId };
}
