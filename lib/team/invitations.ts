// Invitations to a collège's team: single-use, expiring, revocable links. The accounts area's
// « demande de création de compte » (granted) creates the same rows and links: accepted here too.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { displayName, formatDay, parisDay } from '../core/format.ts';
import { issueLink, linkPath, reissueLink, revokeLink } from '../core/links.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import InvitationEmail from '../../emails/invitation.tsx';
import { isAcademicAddress } from '../reference/academies.ts';
import { ESTABLISHMENT_ADDRESS_MESSAGES, registrationAddressOwner } from '../accounts/registration-rules.ts';
import type { Scope } from '../core/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { ACADEMIC_MESSAGE, roleLabel, type InvitableRole } from './schema.ts';
import * as clock from '../core/clock.ts';

const INVITATION = 'Invitation';
const ttlMinutes = () => env.invitationTtlDays * 24 * 60;

async function sendInvitation(tx: Tx, input: { to: string; raw: string; origin: string; establishmentName: string; role: string; inviterId: string; expiresAt: Date }) {
  const inviter = await tx.user.findUnique({ where: { id: input.inviterId }, select: { firstName: true, lastName: true } });
  const inviterName = displayName(inviter, { fallback: '' }) || null;
  await enqueueEmail(tx, {
    template: 'invitation',
    to: input.to,
    subject: `Invitation à rejoindre l'équipe du ${input.establishmentName}`,
    element: createElement(InvitationEmail, {
      platformName: env.appName,
      establishmentName: input.establishmentName,
      roleLabel: roleLabel(input.role),
      inviterName,
      url: `${input.origin}${linkPath('staff-invitation', input.raw)}`,
      expiresOn: formatDay(parisDay(input.expiresAt)),
    }),
  });
}

/** Invites a person by email with a role; their link leads to a pre-filled sign-up. */
export async function inviteStaff(scope: Scope, input: { email: string; role: InvitableRole; origin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  const email = input.email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    const establishment = await tx.establishment.findUniqueOrThrow({ where: { id: scope.establishmentId } });
    if (establishment.isPublic && !isAcademicAddress(email)) throw invalid(ACADEMIC_MESSAGE, { email: [ACADEMIC_MESSAGE] });
    // An establishment's registration address is never a staff member's personal login.
    if (await registrationAddressOwner(tx, email)) throw invalid(ESTABLISHMENT_ADDRESS_MESSAGES.staff, { email: [ESTABLISHMENT_ADDRESS_MESSAGES.staff] });
    const member = await tx.membership.findFirst({ where: { establishmentId: scope.establishmentId, status: 'ACTIVE', user: { email } }, select: { id: true } });
    if (member) {
      const message = "Cette personne fait déjà partie de l'équipe de votre établissement.";
      throw conflict(message, { email: [message] });
    }
    const pending = await tx.invitation.findFirst({
      where: { establishmentId: scope.establishmentId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) {
      const message = 'Une invitation est déjà en cours pour cette adresse : utilisez « Renvoyer » dans la liste des invitations.';
      throw conflict(message, { email: [message] });
    }
    const { raw, id, expiresAt } = await issueLink(tx, {
      purpose: 'staff-invitation',
      email,
      establishmentId: scope.establishmentId,
      staffRole: input.role,
      invitedById: scope.actorId,
      ttlMinutes: ttlMinutes(),
      now,
    });
    await sendInvitation(tx, { to: email, raw, origin: input.origin, establishmentName: establishment.name, role: input.role, inviterId: scope.actorId, expiresAt });
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'invitation.create',
      establishmentId: scope.establishmentId,
      targetType: 'Invitation',
      targetId: id,
      data: { email, role: input.role },
    });
    return { id };
  });
}

async function findOpenInvitation(tx: Tx, scope: Scope, invitationId: string) {
  const invitation = await tx.invitation.findFirst({ where: { id: invitationId, establishmentId: scope.establishmentId }, include: { establishment: true } });
  if (!invitation) throw notFound(INVITATION);
  if (invitation.acceptedAt) throw conflict("Cette invitation a déjà été acceptée : la personne fait partie de l'équipe.");
  if (invitation.revokedAt) throw conflict('Cette invitation a été annulée : invitez de nouveau la personne si besoin.');
  return invitation;
}

/** The link closed between the read and the write (accepted or revoked from another tab): findOpenInvitation says how. */
async function closedMeanwhile(tx: Tx, scope: Scope, invitationId: string): Promise<never> {
  await findOpenInvitation(tx, scope, invitationId);
  throw notFound(INVITATION);
}

/** A new link (the previous one stops working) and a fresh expiry date. */
export async function resendInvitation(scope: Scope, input: { invitationId: string; origin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, scope, input.invitationId);
    const issued = await reissueLink(tx, { purpose: 'staff-invitation', id: invitation.id, ttlMinutes: ttlMinutes(), now });
    if (!issued) return closedMeanwhile(tx, scope, invitation.id);
    const { raw, expiresAt } = issued;
    await sendInvitation(tx, {
      to: invitation.email,
      raw,
      origin: input.origin,
      establishmentName: invitation.establishment!.name,
      role: invitation.staffRole ?? 'TEACHER',
      inviterId: scope.actorId,
      expiresAt,
    });
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'invitation.resend',
      establishmentId: scope.establishmentId,
      targetType: 'Invitation',
      targetId: invitation.id,
    });
    return { id: invitation.id };
  });
}

export async function revokeInvitation(scope: Scope, input: { invitationId: string; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, scope, input.invitationId);
    if (!(await revokeLink(tx, { purpose: 'staff-invitation', id: invitation.id, now: input.now }))) return closedMeanwhile(tx, scope, invitation.id);
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'invitation.revoke',
      establishmentId: scope.establishmentId,
      targetType: 'Invitation',
      targetId: invitation.id,
    });
    return { id: invitation.id };
  });
}
