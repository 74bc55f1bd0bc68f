// The emails of a stage cancellation, written to the outbox inside the cancelling transaction.
// Each carries, for each of its confirmed pupils, the convocation's invitation cancelled (same UID).
import { createElement } from 'react';
import type { Tx } from '../core/db.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import StageCancelledEmail from '../../emails/stage-cancelled.tsx';
import { dbDay, displayName, formatDay, formatHours } from '../core/format.ts';
import { convocationEventOf, staffAddress, type EnrolmentMailRow } from './convocation.ts';
import { convocationAttachment } from './convocation-ics.ts';

type Recipient = { pupils: string[]; files: ReturnType<typeof convocationAttachment>[] };

/** One email per collège staff member (with their pupils) and per guardian address; returns the count. */
export async function notifyStageCancelled(
  tx: Tx,
  input: { reason: string; origin: string; now: Date; enrolments: EnrolmentMailRow[]; invited: ReadonlySet<string> },
): Promise<number> {
  if (input.enrolments.length === 0) return 0;
  const stage = input.enrolments[0].stage;
  const staff = new Map<string, Recipient>();
  const guardians = new Map<string, Recipient>();
  const add = (map: Map<string, Recipient>, to: string, pupil: string, file: Recipient['files'][number] | null) => {
    const r = map.get(to) ?? { pupils: [], files: [] };
    if (!r.pupils.includes(pupil)) r.pupils.push(pupil);
    if (file) r.files.push(file);
    map.set(to, r);
  };
  for (const e of input.enrolments) {
    const pupil = displayName(e.pupil, { fallback: 'Élève' });
    // A CANCEL only where a convocation (REQUEST) went out; the staff member only with a proven address.
    const file = input.invited.has(e.id) && e.convocationSentAt ? convocationAttachment(convocationEventOf(e, input.origin), 'CANCEL', input.now) : null;
    const by = staffAddress(e)?.toLowerCase();
    if (by) add(staff, by, pupil, file);
    for (const g of e.pupil.guardians) {
      const to = g.email?.trim().toLowerCase();
      if (to) add(guardians, to, pupil, file);
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
  const sends: [string, Recipient, 'staff' | 'guardian'][] = [
    ...[...staff].map(([to, r]) => [to, r, 'staff'] as [string, Recipient, 'staff']),
    ...[...guardians].map(([to, r]) => [to, r, 'guardian'] as [string, Recipient, 'guardian']),
  ];
  for (const [to, r, recipient] of sends) {
    await enqueueEmail(tx, {
      template: 'stage-cancelled',
      to,
      subject,
      attachments: r.files,
      element: createElement(StageCancelledEmail, { ...common, pupils: r.pupils, recipient }),
    });
  }
  return sends.length;
}
