// The platform's enrolment options: the fair share of a stage's seats between collèges, the
// convention reminder, the convocation's « À apporter ».
import { prisma } from '../core/db.ts';
import { recordAudit } from '../audit/service.ts';
import type { z } from 'zod';
import type { enrolmentOptionsSchema } from './schema.ts';

export type EnrolmentOptions = z.output<typeof enrolmentOptionsSchema>;

export async function saveEnrolmentOptions(input: { siteId: string; actorId: string; options: EnrolmentOptions }) {
  const o = input.options;
  await prisma.$transaction(async (tx) => {
    await tx.site.update({
      where: { id: input.siteId },
      data: {
        fairShareSeats: o.fairShareSeats,
        fairShareDays: o.fairShareDays,
        conventionReminderDays: o.conventionReminderDays,
        convocationNote: o.convocationNote || null,
      },
    });
    await recordAudit(tx, { actorId: input.actorId, action: 'site.enrolment-options', siteId: input.siteId, targetType: 'Site', targetId: input.siteId, data: o });
  });
}

export async function enrolmentOptionsOf(siteId: string) {
  const s = await prisma.site.findUniqueOrThrow({
    where: { id: siteId },
    select: { fairShareSeats: true, fairShareDays: true, conventionReminderDays: true, convocationNote: true },
  });
  return s;
}
