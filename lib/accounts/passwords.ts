// « Mot de passe oublié ? » → reset link (1 hour, single use) → new password; « Mon compte » → change it.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { AppError, invalid } from '../core/errors.ts';
import { formatDuration } from '../core/format.ts';
import { checkLink, consumeLink, issueLink, linkPath, linkRefusal } from '../core/links.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import PasswordResetEmail from '../../emails/password-reset.tsx';
import { activateUserInTx, claimEstablishmentByMailbox } from './activation.ts';
import { platformName, withTimingFloor } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword, verifyPassword } from '../core/password.ts';
import { RULES, THROTTLED_MESSAGE, clearSignInThrottles, clearThrottle, take, throttleMail } from '../core/throttle.ts';
import * as clock from '../core/clock.ts';

export const RESET_REQUEST_ANSWER =
  "Si un compte correspond à cette adresse, un email contenant un lien de réinitialisation vient d'y être envoyé. Ce lien est valable 1 heure. Pensez à regarder dans les courriers indésirables.";

/** Sends a reset link when the address is an account's; the same answer, in similar time, otherwise. */
export async function requestPasswordReset(input: { email: string; origin: string; ip: string }): Promise<{ message: string }> {
  return withTimingFloor(async () => {
    const email = input.email.trim().toLowerCase();
    if (await throttleMail('reset', email, input.ip)) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
    const user = await prisma.user.findFirst({ where: { OR: [{ email }, { login: email }] } });
    // A pending activation may reset too: the link proves the mailbox, as activation does.
    if (user?.email && (user.status === 'ACTIVE' || user.status === 'PENDING_ACTIVATION')) {
      const to = user.email;
      const ttl = env.passwordResetTtlMinutes;
      await prisma.$transaction(async (tx) => {
        const { raw } = await issueLink(tx, { purpose: 'password-reset', userId: user.id, ttlMinutes: ttl });
        await enqueueEmail(tx, {
          template: 'password-reset',
          to,
          subject: `Réinitialisation de votre mot de passe ${platformName()}`,
          element: createElement(PasswordResetEmail, {
            platformName: platformName(),
            login: user.login,
            url: `${input.origin}${linkPath('password-reset', raw)}`,
            validity: formatDuration(ttl),
          }),
        });
      });
    }
    return { message: RESET_REQUEST_ANSWER };
  });
}

/** Uses a reset link: new password, every other session signed out (sessionVersion), account activated if it was pending. */
export async function resetPassword(input: { token: string; password: string; now?: Date }): Promise<{ login: string }> {
  const now = input.now ?? clock.now();
  // The link is checked before the (slow, memory-hungry) hash: made-up links cost nothing; the
  // transaction below checks it again and uses it once.
  const checked = await checkLink(prisma, { purpose: 'password-reset', raw: input.token, now });
  if (checked.state !== 'valid') throw linkRefusal('password-reset', checked);
  const passwordHash = await hashPassword(input.password);
  const account = await prisma.$transaction(async (tx) => {
    const used = await consumeLink(tx, { purpose: 'password-reset', raw: input.token, now });
    if (used.state !== 'valid') throw linkRefusal('password-reset', used);
    const user = await tx.user.findUniqueOrThrow({ where: { id: used.link.userId } });
    if (user.status === 'DISABLED' || user.status === 'PENDING_REVIEW') throw linkRefusal('password-reset', { state: 'unknown' });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (user.status === 'PENDING_ACTIVATION') await activateUserInTx(tx, user.id, now);
    // The link proves the mailbox: an establishment's address squatted before the rule comes back to it.
    await claimEstablishmentByMailbox(tx, user, now);
    await recordAudit(tx, { actorId: user.id, action: 'account.password-reset', targetType: 'User', targetId: user.id });
    return user;
  });
  await Promise.all([clearThrottle(`login:account:${account.login}`), clearSignInThrottles(`u:${account.id}`)]);
  return { login: account.login };
}

/** « Mon compte »: the current password, then the new one; every session (this one too) must sign in again. */
export async function changePassword(input: { userId: string; currentPassword: string; password: string }): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
  const key = `login:account:${user.login}`;
  if (!(await take(key, RULES.loginAccount))) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalid('Le mot de passe actuel est incorrect.', { currentPassword: ['Le mot de passe actuel est incorrect.'] });
  }
  await clearThrottle(key);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: user.id, action: 'account.password-change', targetType: 'User', targetId: user.id });
  });
  await clearSignInThrottles(`u:${user.id}`);
}
