// The chef d'établissement approves or refuses people who signed up alone, and removes members.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, notFound } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import StaffApprovedEmail from '../../emails/staff-approved.tsx';
import type { Scope } from '../core/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { roleLabel } from './schema.ts';
import * as clock from '../core/clock.ts';

async function findMembership(tx: Tx, scope: Scope, membershipId: string) {
  const m = await tx.membership.findFirst({ where: { id: membershipId, establishmentId: scope.establishmentId }, include: { user: true, establishment: true } });
  if (!m) throw notFound('Membre');
  return m;
}

/** The trail entry of the head's decision on a membership. */
function auditMembership(tx: Tx, scope: Scope, action: string, m: { id: string; role: string }, withRole = true) {
  return recordAudit(tx, {
    actorId: scope.actorId,
    action,
    establishmentId: scope.establishmentId,
    targetType: 'Membership',
    targetId: m.id,
    data: withRole ? { role: m.role } : undefined,
  });
}

export async function approveMembership(scope: Scope, input: { membershipId: string; origin: string; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const m = await findMembership(tx, scope, input.membershipId);
    if (m.status !== 'PENDING') throw conflict(m.status === 'ACTIVE' ? "Cette personne fait déjà partie de l'équipe." : 'Cette demande a été refusée ou retirée.');
    await tx.membership.update({ where: { id: m.id }, data: { status: 'ACTIVE', approvedAt: input.now ?? clock.now(), approvedById: scope.actorId } });
    await auditMembership(tx, scope, 'membership.approve', m);
    if (m.user.email) {
      await enqueueEmail(tx, {
        template: 'staff-approved',
        to: m.user.email,
        subject: `Votre inscription au ${m.establishment.name} est approuvée`,
        element: createElement(StaffApprovedEmail, {
          platformName: env.appName,
          establishmentName: m.establishment.name,
          roleLabel: roleLabel(m.role),
          url: `${input.origin}/connexion`,
        }),
      });
    }
    return { id: m.id };
  });
}

export async function refuseMembership(scope: Scope, input: { membershipId: string }) {
  return prisma.$transaction(async (tx) => {
    const m = await findMembership(tx, scope, input.membershipId);
    if (m.status !== 'PENDING') throw conflict("Cette demande n'est plus en attente.");
    await tx.membership.update({ where: { id: m.id }, data: { status: 'REVOKED' } });
    await auditMembership(tx, scope, 'membership.refuse', m, false);
    return { id: m.id };
  });
}

/** Removes a member from the team (their account stays; they lose access to the collège). */
export async function removeMember(scope: Scope, input: { membershipId: string }) {
  return prisma.$transaction(async (tx) => {
    const m = await findMembership(tx, scope, input.membershipId);
    if (m.userId === scope.actorId) throw conflict("Vous ne pouvez pas vous retirer vous-même de l'équipe.");
    if (m.role === 'PRINCIPAL') throw conflict("Le compte du chef d'établissement (identifiant de l'établissement) ne peut pas être retiré de l'équipe.");
    if (m.status !== 'ACTIVE') throw conflict("Cette personne ne fait pas partie de l'équipe active.");
    await tx.classTeacher.deleteMany({ where: { membershipId: m.id } });
    await tx.membership.update({ where: { id: m.id }, data: { status: 'REVOKED' } });
    await auditMembership(tx, scope, 'membership.revoke', m);
    return { id: m.id };
  });
}
