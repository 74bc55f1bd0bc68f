// The emails of a stage cancellation, written to the outbox inside the cancelling transaction.
import { createElement } from 'react';
import type { Tx } from '../core/db.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import StageCancelledEmail from '../../emails/stage-cancelled.tsx';
import { dbDay, displayName, formatDay, formatHours } from '../core/format.ts';

type Person = { email: string | null; firstName: string | null; lastName: string | null };
type CancelledEnrolment = {
  pupil: { firstName: string | null; lastName: string | null; guardians: Person[] };
  enrolledBy: Person | null;
};

/** One email per collège staff member (with their pupils) and per guardian address; returns the count. */
export async function notifyStageCancelled(
  tx: Tx,
  input: { stageId: string; siteId: string; reason: string; origin: string; enrolments: CancelledEnrolment[] },
): Promise<number> {
  if (input.enrolments.length === 0) return 0;
  const stage = await tx.stage.findFirstOrThrow({
    where: { id: input.stageId, siteId: input.siteId },
    select: { date: true, startMinutes: true, endMinutes: true, formation: { select: { type: true, name: true } }, site: { select: { name: true } } },
  });
  const staff = new Map<string, string[]>();
  const guardians = new Map<string, string[]>();
  for (const e of input.enrolments) {
    const pupil = displayName(e.pupil, { fallback: 'Élève' });
    const by = e.enrolledBy?.email?.toLowerCase();
    if (by) staff.set(by, [...(staff.get(by) ?? []), pupil]);
    for (const g of e.pupil.guardians) {
      const to = g.email?.trim().toLowerCase();
      if (to) guardians.set(to, [...new Set([...(guardians.get(to) ?? []), pupil])]);
    }
  }
  const common = {
    platformName: stage.site.name,
    formation: `${stage.formation.type} ${stage.formation.name}`,
    dateLabel: formatDay(dbDay(stage.date)),
    hoursLabel: formatHours(stage.startMinutes, stage.endMinutes),
    reason: input.reason,
    platformUrl: `${input.origin}/calendrier`,
  };
  const subject = `Mini-stage annulé : ${common.formation}, ${common.dateLabel}`;
  const sends: [string, string[], 'staff' | 'guardian'][] = [
    ...[...staff].map(([to, pupils]) => [to, pupils, 'staff'] as [string, string[], 'staff']),
    ...[...guardians].map(([to, pupils]) => [to, pupils, 'guardian'] as [string, string[], 'guardian']),
  ];
  for (const [to, pupils, recipient] of sends) {
    await enqueueEmail(tx, { template: 'stage-cancelled', to, subject, element: createElement(StageCancelledEmail, { ...common, pupils, recipient }) });
  }
  return sends.length;
}
