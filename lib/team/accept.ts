// Accepting an invitation (/invitation/<token>): the link proves the address, so the account is
// active and the membership approved at once. Single use: a conditional update marks it accepted.
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { AppError, conflict, invalid } from '../core/errors.ts';
import { hashPassword, verifyPassword } from '../core/password.ts';
import { hashToken } from '../accounts/tokens.ts';
import { attemptOf, type PasswordCheckOptions } from '../core/credentials.ts';
import { THROTTLED_MESSAGE, sleep } from '../core/throttle.ts';
import { clientIp } from '../core/request.ts';
import { recordAudit } from '../audit/service.ts';
import * as clock from '../core/clock.ts';

export type InvitationState = 'UNKNOWN' | 'USED' | 'REVOKED' | 'EXPIRED' | 'NOT_TEAM';

export const INVITATION_MESSAGES: Record<InvitationState, string> = {
  UNKNOWN: "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez une nouvelle invitation à votre chef d'établissement.",
  USED: 'Cette invitation a déjà été utilisée : votre compte existe. Connectez-vous avec votre adresse email.',
  REVOKED: "Cette invitation a été annulée par l'établissement. Si c'est une erreur, demandez une nouvelle invitation à votre chef d'établissement.",
  EXPIRED: "Cette invitation a expiré. Demandez à votre chef d'établissement de vous la renvoyer (« Renvoyer » sur la page Équipe).",
  NOT_TEAM: "Cette invitation concerne la plateforme d'un lycée : ouvrez-la depuis l'adresse de cette plateforme.",
};

export type InvitationView =
  | { ok: true; email: string; role: string; establishmentName: string; establishmentCity: string | null; account: 'NEW' | 'EXISTING' }
  | { ok: false; state: InvitationState; message: string };

function stateOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date; establishmentId: string | null; staffRole: string | null } | null, now: Date): InvitationState | null {
  if (!inv) return 'UNKNOWN';
  if (inv.acceptedAt) return 'USED';
  if (inv.revokedAt) return 'REVOKED';
  if (inv.expiresAt <= now) return 'EXPIRED';
  if (!inv.establishmentId || !inv.staffRole) return 'NOT_TEAM';
  return null;
}

const refusal = (state: InvitationState) => new AppError(state === 'UNKNOWN' ? 'NOT_FOUND' : state === 'EXPIRED' ? 'EXPIRED' : 'CONFLICT', INVITATION_MESSAGES[state]);

/** What the invitation page shows: the pre-filled sign-up, or why the link no longer works. */
export async function viewInvitation(raw: string, now: Date = clock.now()): Promise<InvitationView> {
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(raw) }, include: { establishment: true } });
  const state = stateOf(inv, now);
  if (state || !inv) return { ok: false, state: state ?? 'UNKNOWN', message: INVITATION_MESSAGES[state ?? 'UNKNOWN'] };
  const user = await prisma.user.findFirst({ where: { OR: [{ email: inv.email }, { login: inv.email }] }, select: { status: true, passwordHash: true } });
  const existing = !!user && user.status !== 'PENDING_ACTIVATION' && !!user.passwordHash;
  return {
    ok: true, email: inv.email, role: inv.staffRole!, establishmentName: inv.establishment!.name, establishmentCity: inv.establishment!.city,
    account: existing ? 'EXISTING' : 'NEW',
  };
}

/** The invitation when its link can still be used; otherwise the refusal (unknown, used, revoked, expired). Reads only. */
async function usableInvitation(raw: string, now: Date) {
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(raw) } });
  const state = stateOf(inv, now);
  if (state || !inv) throw refusal(state ?? 'UNKNOWN');
  return inv;
}

/** Marks the invitation used, once (safe against a double click or two tabs). */
async function claim(tx: Tx, raw: string, now: Date) {
  const inv = await tx.invitation.findUnique({ where: { tokenHash: hashToken(raw) }, include: { establishment: true } });
  const state = stateOf(inv, now);
  if (state || !inv) throw refusal(state ?? 'UNKNOWN');
  const { count } = await tx.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count !== 1) throw refusal('USED');
  return inv;
}

async function joinTeam(tx: Tx, inv: { id: string; establishmentId: string | null; staffRole: string | null; invitedById: string | null }, userId: string, now: Date) {
  const establishmentId = inv.establishmentId!;
  const current = await tx.membership.findUnique({ where: { userId_establishmentId: { userId, establishmentId } } });
  const role = current?.role === 'PRINCIPAL' ? 'PRINCIPAL' : (inv.staffRole as never);
  const membership = current
    ? await tx.membership.update({ where: { id: current.id }, data: { role, status: 'ACTIVE', approvedAt: now, approvedById: inv.invitedById } })
    : await tx.membership.create({ data: { userId, establishmentId, role, status: 'ACTIVE', approvedAt: now, approvedById: inv.invitedById } });
  await recordAudit(tx, { actorId: userId, action: 'invitation.accept', establishmentId, targetType: 'Invitation', targetId: inv.id, data: { membershipId: membership.id, role } });
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
    await tx.authToken.updateMany({ where: { userId: account.id, kind: 'ACTIVATION', usedAt: null }, data: { usedAt: now } });
    await joinTeam(tx, inv, account.id, now);
    return { login: account.login, establishmentName: inv.establishment!.name };
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
    return { login: user.login, establishmentName: claimed.establishment!.name };
  });
}
