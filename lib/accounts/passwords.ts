// « Mot de passe oublié ? » → reset link (1 hour, single use) → new password; « Mon compte » → change it.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { AppError, invalid } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import PasswordResetEmail from '../../emails/password-reset.tsx';
import { activateUserInTx, claimEstablishmentByMailbox, inspectToken } from './activation.ts';
import { formatValidity, platformName, withTimingFloor } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword, verifyPassword } from '../core/password.ts';
import { RULES, THROTTLED_MESSAGE, clearThrottle, take, throttleMail } from '../core/throttle.ts';
import { consumeToken, issueToken } from './tokens.ts';
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
        const raw = await issueToken(tx, { userId: user.id, kind: 'PASSWORD_RESET', ttlMinutes: ttl });
        await enqueueEmail(tx, {
          template: 'password-reset', to,
          subject: `Réinitialisation de votre mot de passe ${platformName()}`,
          element: createElement(PasswordResetEmail, {
            platformName: platformName(), login: user.login, url: `${input.origin}/reinitialisation/${raw}`, validity: formatValidity(ttl),
          }),
        });
      });
    }
    return { message: RESET_REQUEST_ANSWER };
  });
}

const LINK_MESSAGES = {
  UNKNOWN: "Ce lien de réinitialisation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez-en un nouveau.",
  USED: 'Ce lien de réinitialisation a déjà été utilisé. Si besoin, demandez-en un nouveau.',
  EXPIRED: 'Ce lien de réinitialisation a expiré (il est valable 1 heure). Demandez-en un nouveau.',
} as const;

export function resetLinkMessage(reason: keyof typeof LINK_MESSAGES): string {
  return LINK_MESSAGES[reason];
}

/** Uses a reset link: new password, every other session signed out (sessionVersion), account activated if it was pending. */
export async function resetPassword(input: { token: string; password: string; now?: Date }): Promise<{ login: string }> {
  const now = input.now ?? clock.now();
  // The link is checked before the (slow, memory-hungry) hash: made-up links cost nothing; the
  // transaction below checks it again and uses it once.
  const state = await inspectToken('PASSWORD_RESET', input.token, now);
  if (state.status !== 'VALID') throw new AppError(state.status === 'EXPIRED' ? 'EXPIRED' : 'VALIDATION', LINK_MESSAGES[state.status]);
  const passwordHash = await hashPassword(input.password);
  const login = await prisma.$transaction(async (tx) => {
    const used = await consumeToken(tx, { kind: 'PASSWORD_RESET', raw: input.token, now });
    if (!used.ok) throw new AppError(used.reason === 'EXPIRED' ? 'EXPIRED' : 'VALIDATION', LINK_MESSAGES[used.reason]);
    const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId } });
    if (user.status === 'DISABLED' || user.status === 'PENDING_REVIEW') throw new AppError('VALIDATION', LINK_MESSAGES.UNKNOWN);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (user.status === 'PENDING_ACTIVATION') await activateUserInTx(tx, user.id, now);
    // The link proves the mailbox: an establishment's address squatted before the rule comes back to it.
    await claimEstablishmentByMailbox(tx, user, now);
    await recordAudit(tx, { actorId: user.id, action: 'account.password-reset', targetType: 'User', targetId: user.id });
    return user.login;
  });
  await clearThrottle(`login:account:${login}`);
  return { login };
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
}
