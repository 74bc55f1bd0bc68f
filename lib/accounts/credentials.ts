// Sign-in check: throttled per account and per IP, same answer and similar time whether or not
// the account exists.
import { prisma } from '../core/db.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { RULES, clearThrottle, refund, take } from './throttle.ts';
import { SIGN_IN_MESSAGES, type SignInFailure } from './sign-in-messages.ts';
import * as clock from '../core/clock.ts';

export { SIGN_IN_MESSAGES, type SignInFailure };

export type SignInResult =
  | { ok: true; user: { id: string; login: string; email: string | null; name: string; sessionVersion: number } }
  | { ok: false; reason: SignInFailure };

export async function checkCredentials(input: { login: string; password: string; ip: string }): Promise<SignInResult> {
  const login = input.login.trim().toLowerCase();
  const accountKey = `login:account:${login}`;
  const ipKey = `login:ip:${input.ip}`;
  // Each attempt is counted before the password is checked (atomic: a burst cannot slip through);
  // a successful sign-in clears the account's count and gives the client address its attempt back.
  // Without a proxy telling the client's address every visitor is 'unknown': counting them together
  // would let 20 failures lock everybody out, so only the account is counted then.
  const byIp = input.ip !== 'unknown';
  const allowed = await Promise.all([take(accountKey, RULES.loginAccount), byIp ? take(ipKey, RULES.loginIp) : true]);
  if (allowed.includes(false)) return { ok: false, reason: 'THROTTLED' };

  const user = await prisma.user.findFirst({ where: { OR: [{ login }, { email: login }] } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) return { ok: false, reason: 'INVALID' };
  await clearThrottle(accountKey);
  if (byIp) await refund(ipKey);
  // Only a person who knows the password learns the account's state.
  if (user.status === 'PENDING_ACTIVATION') return { ok: false, reason: 'NOT_ACTIVATED' };
  if (user.status === 'PENDING_REVIEW') return { ok: false, reason: 'PENDING_REVIEW' };
  if (user.status === 'DISABLED') return { ok: false, reason: 'DISABLED' };

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.login;
  return { ok: true, user: { id: user.id, login: user.login, email: user.email, name, sessionVersion: user.sessionVersion } };
}
