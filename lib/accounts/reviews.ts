// Registrations of establishments with no address in the directory: the platform operator
// approves them (an activation email then proves the applicant's address) or refuses them.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import { conflict, notFound } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import RegistrationRefusedEmail from '../../emails/registration-refused.tsx';
import { sendActivationEmail } from './activation.ts';
import { establishmentLabel, platformName } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import * as clock from '../core/clock.ts';

export function listPendingReviews() {
  return prisma.registrationReview.findMany({
    where: { status: 'PENDING' },
    include: {
      establishment: { select: { uai: true, name: true, city: true, isPublic: true, natureLabel: true, phone: true, website: true } },
      applicant: { select: { civility: true, firstName: true, lastName: true, email: true, memberships: { select: { function: true, establishmentId: true } } } },
    },
    orderBy: { createdAt: 'asc' },
  });
}

export async function decideReview(input: {
  reviewId: string;
  decision: 'APPROVE' | 'REFUSE';
  reason?: string;
  reviewerId: string;
  origin: string;
  now?: Date;
}): Promise<{ status: 'APPROVED' | 'REFUSED' }> {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const review = await tx.registrationReview.findUnique({ where: { id: input.reviewId }, include: { establishment: true, applicant: true } });
    if (!review) throw notFound("Demande d'inscription");
    const status = input.decision === 'APPROVE' ? 'APPROVED' : 'REFUSED';
    const { count } = await tx.registrationReview.updateMany({
      where: { id: review.id, status: 'PENDING' },
      data: { status, reviewerId: input.reviewerId, reviewedAt: now, reason: input.reason || null },
    });
    if (count !== 1) throw conflict("Cette demande d'inscription a déjà été traitée.");
    const applicant = review.applicant;
    const establishmentName = establishmentLabel(review.establishment);
    if (status === 'APPROVED') {
      if (review.establishment.registeredAt) throw conflict('Cet établissement a été inscrit entre-temps : refusez cette demande.');
      await tx.user.update({ where: { id: applicant.id }, data: { status: 'PENDING_ACTIVATION' } });
      await sendActivationEmail(tx, {
        userId: applicant.id,
        to: applicant.email ?? applicant.login,
        origin: input.origin,
        platformName: platformName(),
        intro: `L’équipe technique a validé votre demande d’inscription de ${establishmentName}.`,
      });
    } else {
      await tx.user.update({ where: { id: applicant.id }, data: { status: 'DISABLED' } });
      await tx.membership.updateMany({ where: { userId: applicant.id, establishmentId: review.establishmentId }, data: { status: 'REVOKED' } });
      await enqueueEmail(tx, {
        template: 'registration-refused',
        to: applicant.email ?? applicant.login,
        subject: `Inscription de ${review.establishment.name} refusée`,
        element: createElement(RegistrationRefusedEmail, { platformName: platformName(), establishmentName, reason: input.reason }),
      });
    }
    await recordAudit(tx, {
      actorId: input.reviewerId,
      action: `registration-review.${status === 'APPROVED' ? 'approve' : 'refuse'}`,
      establishmentId: review.establishmentId,
      targetType: 'RegistrationReview',
      targetId: review.id,
      data: { applicant: applicant.login },
    });
    return { status };
  });
}
