// Activation links: sending (registration, sign-ups, resend) and consuming them.
import { createElement } from 'react';
import { prisma, type Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { AppError } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import ActivationEmail from '../../emails/activation.tsx';
import { displayName, formatDuration } from '../core/format.ts';
import { checkLink, consumeLink, issueLink, linkPath, type LinkFailure } from '../core/links.ts';
import { establishmentLabel, platformName, withTimingFloor } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import { REGISTRABLE_KINDS, addressHolder, isRegistered, registrationAddressOwner, registrationTarget } from './registration-rules.ts';
import { RULES, THROTTLED_MESSAGE, clearThrottle, take, throttleMail } from '../core/throttle.ts';
import { verifyPassword } from '../core/password.ts';
import * as clock from '../core/clock.ts';

export type SendActivationInput = {
  userId: string;
  to: string;
  origin: string;
  platformName: string;
  resent?: boolean;
  intro?: string;
};

/** Issues a fresh activation token (older ones stop working) and queues the email, in the caller's transaction. */
export async function sendActivationEmail(tx: Tx, input: SendActivationInput): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: input.userId },
    include: { memberships: { include: { establishment: { select: { name: true, city: true } } }, take: 1, orderBy: { createdAt: 'asc' } } },
  });
  const ttl = env.activationTtlMinutes;
  const { raw } = await issueLink(tx, { purpose: 'activation', userId: user.id, ttlMinutes: ttl });
  const establishment = user.memberships[0]?.establishment;
  await enqueueEmail(tx, {
    template: 'activation',
    to: input.to,
    subject: input.resent ? `Nouveau lien d’activation de votre compte ${input.platformName}` : `Activez votre compte ${input.platformName}`,
    element: createElement(ActivationEmail, {
      platformName: input.platformName,
      personName: displayName(user, { civility: true }),
      login: user.login,
      establishmentName: establishment ? establishmentLabel(establishment) : null,
      url: `${input.origin}${linkPath('activation', raw)}`,
      validity: formatDuration(ttl),
      resent: input.resent,
      intro: input.intro,
    }),
  });
}

/**
 * Makes the account usable and, when it registered an establishment (its login is that
 * establishment's registration address, or the operator approved it), its manager.
 */
export async function activateUserInTx(tx: Tx, userId: string, now = clock.now()): Promise<{ login: string; managerOf: string[] }> {
  const user = await tx.user.update({ where: { id: userId }, data: { status: 'ACTIVE', emailVerified: now } });
  const pending = await tx.membership.findMany({
    where: { userId, role: 'PRINCIPAL', status: 'PENDING' },
    include: { establishment: true },
  });
  const managerOf: string[] = [];
  for (const m of pending) {
    const e = m.establishment;
    const target = registrationTarget(e);
    const approved = await tx.registrationReview.count({ where: { applicantId: userId, establishmentId: e.id, status: 'APPROVED' } });
    const ownsAddress = target.kind === 'address' && target.login === user.login;
    if (!ownsAddress && !approved) continue; // staff who signed up alone: the establishment approves them
    const taken = e.registeredAt || (await tx.membership.count({ where: { establishmentId: e.id, role: 'PRINCIPAL', status: 'ACTIVE' } }));
    if (taken) continue; // registered meanwhile by another path: never a second manager
    await tx.membership.update({ where: { id: m.id }, data: { status: 'ACTIVE', approvedAt: now } });
    await tx.establishment.update({ where: { id: e.id }, data: { registeredAt: now } });
    managerOf.push(establishmentLabel(e));
    await recordAudit(tx, { actorId: userId, action: 'establishment.activate', establishmentId: e.id, targetType: 'Membership', targetId: m.id });
  }
  await recordAudit(tx, { actorId: userId, action: 'account.activate', targetType: 'User', targetId: userId });
  return { login: user.login, managerOf };
}

/**
 * A reset link was used on an establishment's registration address (it proves that mailbox, as
 * the activation link does): when the establishment is not registered yet and the account manages
 * nothing, the account becomes its chef d'établissement — an address squatted before the rule
 * existed never keeps the school out. `before` is the account as it was before the reset: if it
 * had never proved the mailbox, what it held was typed by someone else (a sign-up with the school's
 * address), so its memberships are revoked, its pupil record detached and its names cleared.
 * Returns the establishment's label, or null when nothing was claimed.
 */
export async function claimEstablishmentByMailbox(
  tx: Tx,
  before: { id: string; login: string; status: string; emailVerified: Date | null },
  now = clock.now(),
): Promise<string | null> {
  const owner = await registrationAddressOwner(tx, before.login);
  const e = owner?.establishment;
  if (!e || !e.open || !(REGISTRABLE_KINDS as readonly string[]).includes(e.kind)) return null;
  const target = registrationTarget(e);
  if (target.kind !== 'address' || target.login !== before.login) return null;
  if (await isRegistered(tx, e)) return null;
  if ((await addressHolder(tx, before.login)).kind === 'TAKEN') return null;
  const unproven = before.status !== 'ACTIVE' && !before.emailVerified;
  let revoked = 0;
  let detachedPupil: string | null = null;
  if (unproven) {
    revoked = (await tx.membership.updateMany({ where: { userId: before.id, status: { in: ['ACTIVE', 'PENDING'] } }, data: { status: 'REVOKED' } })).count;
    const pupil = await tx.pupil.findUnique({ where: { userId: before.id }, select: { id: true } });
    if (pupil) {
      await tx.pupil.update({ where: { id: pupil.id }, data: { userId: null } });
      detachedPupil = pupil.id;
    }
    await tx.user.update({ where: { id: before.id }, data: { firstName: null, lastName: null, civility: null, name: null } });
  }
  const membership = await tx.membership.upsert({
    where: { userId_establishmentId: { userId: before.id, establishmentId: e.id } },
    create: { userId: before.id, establishmentId: e.id, role: 'PRINCIPAL', status: 'ACTIVE', approvedAt: now },
    update: { role: 'PRINCIPAL', status: 'ACTIVE', approvedAt: now },
  });
  await tx.establishment.update({ where: { id: e.id }, data: { registeredAt: now } });
  await recordAudit(tx, {
    actorId: before.id,
    action: 'establishment.reclaim',
    establishmentId: e.id,
    targetType: 'User',
    targetId: before.id,
    data: { login: before.login, by: 'password-reset', membershipId: membership.id, unproven, revokedMemberships: revoked, detachedPupil },
  });
  return establishmentLabel(e);
}

/** `reason`: the link's state (LINK_TEXTS.activation says it), or why a good link was refused (ACTIVATION_MESSAGES). */
export type ActivationResult =
  | { ok: true; login: string; managerOf: string[] }
  | { ok: false; reason: LinkFailure; login?: string }
  | { ok: false; reason: 'WRONG_PASSWORD' | 'THROTTLED'; login?: string };

/** Uses an activation link (once, before it expires), in one transaction. Only after the password check (activateWithPassword). */
async function activateAccount(raw: string, now: Date): Promise<ActivationResult> {
  return prisma.$transaction(async (tx) => {
    const check = await checkLink(tx, { purpose: 'activation', raw, now });
    if (check.state === 'unknown') return { ok: false, reason: 'unknown' };
    const user = await tx.user.findUniqueOrThrow({ where: { id: check.link.userId } });
    if (check.state !== 'valid') return { ok: false, reason: check.state, login: user.login };
    if (user.status !== 'PENDING_ACTIVATION') return { ok: false, reason: 'used', login: user.login };
    const used = await consumeLink(tx, { purpose: 'activation', raw, now });
    if (used.state !== 'valid') return { ok: false, reason: used.state, login: user.login };
    return { ok: true, ...(await activateUserInTx(tx, user.id, now)) };
  });
}

/**
 * The activation page: the link proves the mailbox, the password proves the person who registered.
 * Both are needed, so that nobody can register an establishment with a password of their own and
 * have the real principal activate it by clicking the email (the principal who did not register
 * uses « Mot de passe oublié ? », whose link sets their own password and activates the account).
 */
export async function activateWithPassword(input: { raw: string; password: string; now?: Date }): Promise<ActivationResult> {
  const now = input.now ?? clock.now();
  const check = await checkLink(prisma, { purpose: 'activation', raw: input.raw, now });
  if (check.state === 'unknown') return { ok: false, reason: 'unknown' };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: check.link.userId } });
  if (check.state !== 'valid') return { ok: false, reason: check.state, login: user.login };
  const key = `activation:${user.id}`;
  if (!(await take(key, RULES.loginAccount, now))) return { ok: false, reason: 'THROTTLED', login: user.login };
  if (!(await verifyPassword(input.password, user.passwordHash))) return { ok: false, reason: 'WRONG_PASSWORD', login: user.login };
  const result = await activateAccount(input.raw, now);
  if (result.ok) await clearThrottle(key);
  return result;
}

export const RESEND_ANSWER =
  "Si un compte en attente d'activation correspond à cet identifiant, un nouvel email d'activation vient d'y être envoyé. Pensez à regarder dans les courriers indésirables.";

/** « Recevoir l'email de confirmation » / « Vous n'avez pas reçu le message d'activation ? »: same answer for every identifier. */
export async function resendActivation(input: { identifier: string; origin: string; ip: string }): Promise<{ message: string }> {
  return withTimingFloor(async () => {
    const identifier = input.identifier.trim().toLowerCase();
    if (await throttleMail('activation', identifier, input.ip)) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
    const user = await prisma.user.findFirst({ where: { OR: [{ login: identifier }, { email: identifier }] } });
    if (user?.status === 'PENDING_ACTIVATION' && user.email) {
      const to = user.email;
      await prisma.$transaction((tx) => sendActivationEmail(tx, { userId: user.id, to, origin: input.origin, platformName: platformName(), resent: true }));
    }
    return { message: RESEND_ANSWER };
  });
}
