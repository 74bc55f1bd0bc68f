// Sign-in check: throttled per client, per (account, client) and per account (see
// startPasswordAttempt in throttle.ts), same answer and similar time whether or not the account exists.
import { createHash } from 'node:crypto';
import { prisma } from './db.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { sleep, startPasswordAttempt, type PasswordAttempt } from './throttle.ts';
import { SIGN_IN_MESSAGES, type SignInFailure } from './sign-in-messages.ts';
import * as clock from './clock.ts';
import { displayName } from './format.ts';
import { writeAuditLine } from './audit-line.ts';
import { maskAddress } from './text.ts';

export { SIGN_IN_MESSAGES };

export type SignInResult =
  { ok: true; user: { id: string; login: string; email: string | null; name: string; sessionVersion: number } } | { ok: false; reason: SignInFailure };

/** How a password check waits (tests pass a recorder instead of sleeping). */
export type PasswordCheckOptions = { wait?: (ms: number) => Promise<void> | void };

/**
 * The throttle's identity of an account: its id when it exists, otherwise a digest of the login typed
 * (same counting; what was typed — perhaps a password in the wrong field — is never stored).
 */
export function attemptOf(login: string, user: { id: string; sessionVersion: number } | null, ip: string): Promise<PasswordAttempt> {
  return startPasswordAttempt({ account: user ? `u:${user.id}` : `l:${createHash('sha256').update(login).digest('base64url')}`, ip });
}

/**
 * A refused sign-in in the audit trail ('sign-in.failure', throttled attempts excepted: they cost no
 * write). An existing account is the line's person, with its collège and platform so that their heads
 * see it; an unknown one leaves only the identifier typed, masked (it may be a mistyped password).
 */
async function failed(login: string, user: { id: string } | null, reason: SignInFailure, ip: string): Promise<SignInResult> {
  const [member, siteMember] = user
    ? await Promise.all([
        prisma.membership.findFirst({ where: { userId: user.id, status: 'ACTIVE' }, orderBy: { createdAt: 'asc' }, select: { establishmentId: true } }),
        prisma.siteMembership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { siteId: true } }),
      ])
    : [null, null];
  await writeAuditLine(prisma, {
    actorId: user?.id ?? null,
    action: 'sign-in.failure',
    establishmentId: member?.establishmentId ?? null,
    siteId: siteMember?.siteId ?? null,
    targetType: 'User',
    targetId: user?.id,
    data: user ? { reason } : { reason, login: maskAddress(login.slice(0, 254)) },
    ip,
  });
  return { ok: false, reason };
}

export async function checkCredentials(input: { login: string; password: string; ip: string }, options: PasswordCheckOptions = {}): Promise<SignInResult> {
  const login = input.login.trim().toLowerCase();
  const user = await prisma.user.findFirst({ where: { OR: [{ login }, { email: login }] } });
  // Counted before the password is hashed (atomic: a burst cannot slip through); a refused attempt
  // costs a few queries, never a hash.
  const attempt = await attemptOf(login, user, input.ip);
  if (!attempt.allowed) return { ok: false, reason: 'THROTTLED' };
  if (attempt.delayMs > 0) await (options.wait ?? sleep)(attempt.delayMs);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) return failed(login, user, 'INVALID', input.ip);
  await attempt.succeeded();
  // Only a person who knows the password learns the account's state.
  if (user.status === 'PENDING_ACTIVATION') return failed(login, user, 'NOT_ACTIVATED', input.ip);
  if (user.status === 'PENDING_REVIEW') return failed(login, user, 'PENDING_REVIEW', input.ip);
  if (user.status === 'DISABLED') return failed(login, user, 'DISABLED', input.ip);

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
  return { ok: true, user: { id: user.id, login: user.login, email: user.email, name: displayName(user), sessionVersion: user.sessionVersion } };
}
