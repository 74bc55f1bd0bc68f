// The operator's « Renvoyer »: an email given up (FAILED) or waiting for its next retry goes back
// to the queue now, its attempts counted from zero. Never a sent email (it would reach the
// recipient twice), nor one a worker is sending at this moment (claimed: lockedUntil ahead).
import { prisma } from '../core/db.ts';
import { conflict, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import * as clock from '../core/clock.ts';

export async function resendEmail(input: { emailId: string }, by: { userId: string }): Promise<{ resent: true }> {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const row = await tx.outboxEmail.findUnique({ where: { id: input.emailId }, select: { id: true, template: true, status: true, attempts: true } });
    if (!row) throw notFound('Courriel');
    const { count } = await tx.outboxEmail.updateMany({
      where: {
        id: row.id,
        OR: [{ status: 'FAILED' }, { status: 'PENDING', attempts: { gt: 0 }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }],
      },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null },
    });
    if (count === 0) {
      throw conflict(
        row.status === 'SENT'
          ? 'Ce courriel a déjà été envoyé : il n’est pas renvoyé une seconde fois.'
          : 'Ce courriel est déjà en file d’envoi ou en cours d’envoi : rechargez la page dans un instant.',
      );
    }
    await recordAudit(tx, {
      actorId: by.userId,
      action: 'email.resend',
      targetType: 'OutboxEmail',
      targetId: row.id,
      data: { template: row.template, status: row.status, attempts: row.attempts },
    });
    return { resent: true as const };
  });
}
