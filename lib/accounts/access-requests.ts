// Answering « demandes de création de compte »: the establishment's managers grant (an invitation
// is emailed) or decline; requests unanswered after 24 h are listed for the platform operator.
import { createElement } from 'react';
import { prisma, type Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, forbidden, notFound } from '../core/errors.ts';
import { STAFF_ROLE_LABELS, type StaffRoleName } from '../core/permissions.ts';
import { formatDuration } from '../core/format.ts';
import { issueLink, linkPath } from '../core/links.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import AccessRequestAnswerEmail from '../../emails/access-request-answer.tsx';
import { isOfficialAddressOf } from '../reference/academies.ts';
import { establishmentLabel, platformName } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import * as clock from '../core/clock.ts';

const ESCALATION_DELAY_MS = 24 * 60 * 60_000;

/** Who answers: the establishment's manager (scoped to it) or the operator (escalated requests only). */
export type Answerer = { userId: string; establishmentId: string } | { userId: string; operator: true };

const selectRequest = { establishment: { select: { id: true, uai: true, name: true, city: true } } } as const;

/** Pending requests of one establishment, oldest first. */
export function listPendingRequests(establishmentId: string) {
  return prisma.accessRequest.findMany({ where: { establishmentId, status: 'PENDING' }, orderBy: { createdAt: 'asc' } });
}

/** Only a request from the establishment's own ce.<uai>@<académie> address may be followed up by the operator. */
function isEscalatable(r: { email: string; establishment: { uai: string } }): boolean {
  return isOfficialAddressOf(r.email, r.establishment.uai);
}

/** Pending requests older than 24 h (or addressed to the operator), each marked escalatable or not. */
export async function listOverdueRequests(now = clock.now()) {
  const rows = await prisma.accessRequest.findMany({
    where: { status: 'PENDING', OR: [{ createdAt: { lte: new Date(now.getTime() - ESCALATION_DELAY_MS) } }, { escalatedAt: { not: null } }] },
    include: selectRequest,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ ...r, escalatable: isEscalatable(r) }));
}

async function loadForAnswer(tx: Tx, requestId: string, who: Answerer, now: Date, grant: boolean) {
  const where = 'operator' in who ? { id: requestId } : { id: requestId, establishmentId: who.establishmentId };
  const request = await tx.accessRequest.findFirst({ where, include: selectRequest });
  if (!request) throw notFound('Demande');
  if (request.status !== 'PENDING') throw conflict('Cette demande a déjà reçu une réponse.');
  if ('operator' in who) {
    const overdue = request.escalatedAt || request.createdAt.getTime() <= now.getTime() - ESCALATION_DELAY_MS;
    if (!overdue) throw forbidden("Cette demande attend encore la réponse des responsables de l'établissement (24 heures).");
    if (grant && !isEscalatable(request)) {
      throw forbidden("L'équipe technique n'accorde que les demandes venant de l'adresse ce.<UAI>@<académie> de l'établissement.");
    }
  }
  return request;
}

/** Marks the request answered, once (conditional update: two managers answering at once → one wins). */
async function close(tx: Tx, id: string, data: { status: 'GRANTED' | 'DECLINED'; answeredById: string; answeredAt: Date; invitationId?: string }) {
  const { count } = await tx.accessRequest.updateMany({ where: { id, status: 'PENDING' }, data });
  if (count !== 1) throw conflict('Cette demande a déjà reçu une réponse.');
}

/** Grants: an Invitation (staff role chosen by the answerer) and its link emailed to the requester. */
export async function grantAccessRequest(input: { requestId: string; staffRole: StaffRoleName; origin: string; now?: Date }, who: Answerer) {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const request = await loadForAnswer(tx, input.requestId, who, now, true);
    const ttlMinutes = env.invitationTtlDays * 24 * 60;
    const { raw, id: invitationId } = await issueLink(tx, {
      purpose: 'staff-invitation',
      email: request.email,
      establishmentId: request.establishmentId,
      staffRole: input.staffRole,
      invitedById: who.userId,
      ttlMinutes,
      now,
    });
    await close(tx, request.id, { status: 'GRANTED', answeredById: who.userId, answeredAt: now, invitationId });
    const establishmentName = establishmentLabel(request.establishment);
    await enqueueEmail(tx, {
      template: 'access-request-answer',
      to: request.email,
      subject: `Votre accès à ${request.establishment.name} est accordé`,
      element: createElement(AccessRequestAnswerEmail, {
        platformName: platformName(),
        establishmentName,
        granted: true,
        roleLabel: STAFF_ROLE_LABELS[input.staffRole],
        url: `${input.origin}${linkPath('staff-invitation', raw)}`,
        validity: formatDuration(ttlMinutes),
      }),
    });
    await recordAudit(tx, {
      actorId: who.userId,
      action: 'access-request.grant',
      establishmentId: request.establishmentId,
      targetType: 'AccessRequest',
      targetId: request.id,
      data: { email: request.email, staffRole: input.staffRole, invitationId, byOperator: 'operator' in who },
    });
    return { invitationId };
  });
}

/** Declines: the requester is told by email. */
export async function declineAccessRequest(input: { requestId: string; now?: Date }, who: Answerer) {
  const now = input.now ?? clock.now();
  await prisma.$transaction(async (tx) => {
    const request = await loadForAnswer(tx, input.requestId, who, now, false);
    await close(tx, request.id, { status: 'DECLINED', answeredById: who.userId, answeredAt: now });
    await enqueueEmail(tx, {
      template: 'access-request-answer',
      to: request.email,
      subject: `Votre demande de compte pour ${request.establishment.name}`,
      element: createElement(AccessRequestAnswerEmail, {
        platformName: platformName(),
        establishmentName: establishmentLabel(request.establishment),
        granted: false,
      }),
    });
    await recordAudit(tx, {
      actorId: who.userId,
      action: 'access-request.decline',
      establishmentId: request.establishmentId,
      targetType: 'AccessRequest',
      targetId: request.id,
      data: { email: request.email, byOperator: 'operator' in who },
    });
  });
}
