// Accepting an invitation (/invitation/<token>): the link proves the address, so the account is
// active and the membership approved at once. Single use: a conditional update marks it accepted.
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { AppError, conflict, invalid } from '../core/errors.ts';
import { hashPassword, verifyPassword } from '../core/password.ts';
import { checkLink, consumeLink, linkRefusal, revokeAccountLinks, type LinkRecords, type LinkView } from '../core/links.ts';
import { attemptOf, type PasswordCheckOptions } from '../core/credentials.ts';
import { THROTTLED_MESSAGE, sleep } from '../core/throttle.ts';
import { clientIp } from '../core/request.ts';
import { recordAudit } from '../audit/service.ts';
import * as clock from '../core/clock.ts';

type StaffInvitation = LinkRecords['staff-invitation'];

/** The invitation page: the pre-filled sign-up when the link is valid, else its state (linkMessage says why it no longer works). */
export type InvitationView = LinkView<'staff-invitation', { establishmentName: string; establishmentCity: string | null; account: 'NEW' | 'EXISTING' }>;

/** What the invitation page shows: the pre-filled sign-up, or why the link no longer works. Reads only. */
export async function viewInvitation(raw: string, now: Date = clock.now()): Promise<InvitationView> {
  const check = await checkLink(prisma, { purpose: 'staff-invitation', raw, now });
  if (check.state !== 'valid') return check;
  const { email, establishmentId } = check.link;
  const establishment = await prisma.establishment.findUniqueOrThrow({ where: { id: establishmentId }, select: { name: true, city: true } });
  const user = await prisma.user.findFirst({ where: { OR: [{ email }, { login: email }] }, select: { status: true, passwordHash: true } });
  const existing = !!user && user.status !== 'PENDING_ACTIVATION' && !!user.passwordHash;
  return { ...check, establishmentName: establishment.name, establishmentCity: establishment.city, account: existing ? 'EXISTING' : 'NEW' };
}

/** The invitation when its link can still be used; otherwise the refusal (unknown, used, revoked, expired). Reads only. */
async function usableInvitation(raw: string, now: Date): Promise<StaffInvitation> {
  const check = await checkLink(prisma, { purpose: 'staff-invitation', raw, now });
  if (check.state !== 'valid') throw linkRefusal('staff-invitation', check);
  return check.link;
}

/** Marks the invitation used, once (safe against a double click or two tabs), in the caller's transaction. */
async function claim(tx: Tx, raw: string, now: Date) {
  const used = await consumeLink(tx, { purpose: 'staff-invitation', raw, now });
  if (used.state !== 'valid') throw linkRefusal('staff-invitation', used);
  const establishment = await tx.establishment.findUniqueOrThrow({ where: { id: used.link.establishmentId }, select: { name: true } });
  return { ...used.link, establishmentName: establishment.name };
}

async function joinTeam(tx: Tx, inv: StaffInvitation, userId: string, now: Date) {
  const { establishmentId } = inv;
  const current = await tx.membership.findUnique({ where: { userId_establishmentId: { userId, establishmentId } } });
  const role = current?.role === 'PRINCIPAL' ? 'PRINCIPAL' : inv.staffRole;
  const membership = current
    ? await tx.membership.update({ where: { id: current.id }, data: { role, status: 'ACTIVE', approvedAt: now, approvedById: inv.invitedById } })
    : await tx.membership.create({ data: { userId, establishmentId, role, status: 'ACTIVE', approvedAt: now, approvedById: inv.invitedById } });
  await recordAudit(tx, {
    actorId: userId,
    action: 'invitation.accept',
    establishmentId,
    targetType: 'Invitation',
    targetId: inv.id,
    data: { membershipId: membership.id, role },
  });
  return membership;
}

export type AcceptResult = { login: string; establishmentName: string };

/** A new account (or one that never finished its activation: the invitation proves the mailbox). */
export async function acceptWithNewAccount(input: { token: string; firstName: string; lastName: string; password: string; now?: Date }): Promise<AcceptResult> {
  const now = input.now ?? clock.now();
  await usableInvitation(input.token, now); // a dead link costs no hashing
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const inv = await claim(tx, input.token, now);
    const user = await tx.user.findFirst({ where: { OR: [{ email: inv.email }, { login: inv.email }] } });
    if (user && user.status !== 'PENDING_ACTIVATION' && user.passwordHash)
      throw conflict('Un compte existe déjà avec cette adresse : saisissez son mot de passe pour accepter l’invitation.');
    const data = { firstName: input.firstName, lastName: input.lastName, passwordHash, status: 'ACTIVE' as const, emailVerified: now };
    const account = user
      ? await tx.user.update({ where: { id: user.id }, data: { ...data, email: inv.email } })
      : await tx.user.create({ data: { ...data, login: inv.email, email: inv.email } });
    // Activation links sent earlier for this account are no longer needed.
    await revokeAccountLinks(tx, { userId: account.id, purposes: ['activation'], now });
    await joinTeam(tx, inv, account.id, now);
    return { login: account.login, establishmentName: inv.establishmentName };
  });
}

/**
 * The account that already uses the invited address joins the team; its password proves it is theirs.
 * The link's state comes first (a dead link never checks a password), then the password check is
 * throttled like sign-in, with the same counters (startPasswordAttempt): guessing through an
 * invitation gets no more tries than the sign-in page. `ip`: the client address (the request's by default).
 */
export async function acceptWithExistingAccount(input: { token: string; password: string; ip?: string; now?: Date } & PasswordCheckOptions): Promise<AcceptResult> {
  const now = input.now ?? clock.now();
  const inv = await usableInvitation(input.token, now);
  const user = await prisma.user.findFirst({ where: { OR: [{ email: inv.email }, { login: inv.email }] } });
  if (user) {
    const attempt = await attemptOf(inv.email, user, input.ip ?? (await clientIp()));
    if (!attempt.allowed) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
    if (attempt.delayMs > 0) await (input.wait ?? sleep)(attempt.delayMs);
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      throw invalid('Mot de passe incorrect. Utilisez « Mot de passe oublié ? » sur la page de connexion si besoin.', { password: ['Mot de passe incorrect.'] });
    }
    await attempt.succeeded();
  }
  return prisma.$transaction(async (tx) => {
    const claimed = await claim(tx, input.token, now);
    if (!user) throw conflict("Aucun compte n'utilise encore cette adresse : créez votre compte avec le formulaire.");
    if (user.status === 'DISABLED') throw conflict('Ce compte est désactivé. Contactez l’équipe technique.');
    if (user.status === 'PENDING_REVIEW') throw conflict("Ce compte attend l'examen de l'équipe technique : acceptez l'invitation une fois cet examen terminé.");
    if (user.status !== 'ACTIVE') await tx.user.update({ where: { id: user.id }, data: { status: 'ACTIVE', emailVerified: now } });
    await joinTeam(tx, claimed, user.id, now);
    return { login: user.login, establishmentName: claimed.establishmentName };
  });
}
