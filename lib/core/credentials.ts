// Sign-in check: throttled per client, per (account, client) and per account (see
// startPasswordAttempt in throttle.ts), same answer and similar time whether or not the account exists.
import { prisma } from './db.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { sleep, startPasswordAttempt, type PasswordAttempt } from './throttle.ts';
import { SIGN_IN_MESSAGES, type SignInFailure } from './sign-in-messages.ts';
import * as clock from './clock.ts';
import { displayName } from './format.ts';

export { SIGN_IN_MESSAGES };

export type SignInResult =
  { ok: true; user: { id: string; login: string; email: string | null; name: string; sessionVersion: number } } | { ok: false; reason: SignInFailure };

/** How a password check waits (tests pass a recorder instead of sleeping). */
export type PasswordCheckOptions = { wait?: (ms: number) => Promise<void> | void };

/** The throttle's identity of an account: its id when it exists, the login typed otherwise (same counting). */
export function attemptOf(login: string, user: { id: string; sessionVersion: number } | null, ip: string): Promise<PasswordAttempt> {
  return startPasswordAttempt({ account: user ? `u:${user.id}` : `l:${login}`, ip });
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
  if (!user || !valid) return { ok: false, reason: 'INVALID' };
  await attempt.succeeded();
  // Only a person who knows the password learns the account's state.
  if (user.status === 'PENDING_ACTIVATION') return { ok: false, reason: 'NOT_ACTIVATED' };
  if (user.status === 'PENDING_REVIEW') return { ok: false, reason: 'PENDING_REVIEW' };
  if (user.status === 'DISABLED') return { ok: false, reason: 'DISABLED' };

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
  return { ok: true, user: { id: user.id, login: user.login, email: user.email, name: displayName(user), sessionVersion: user.sessionVersion } };
}
