// Reminders to the collège, sent by the server's background loop (instrumentation.ts): the day
// before the stage, and when the convention is not signed N days before (N: the platform's option).
// Each is claimed by a conditional update first, so two loops never send one twice; the due ones
// are chosen in SQL, nearest stage first (a window of rows not yet due never holds them up).
import { prisma } from '../core/db.ts';
import { parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { addDays, dayToDb } from '../stages/time.ts';
import { sendReminder } from '../stages/convocation.ts';
import { backgroundOrigin, loopSelect } from './convocations.ts';

type Kind = 'day-before' | 'convention';
const SENT_COLUMN = { 'day-before': 'reminderSentAt', convention: 'conventionReminderSentAt' } as const;

async function remind(ids: string[], kind: Kind, now: Date): Promise<number> {
  let sent = 0;
  for (const id of ids) {
    sent += await prisma.$transaction(async (tx) => {
      const { count } = await tx.enrolment.updateMany({ where: { id, status: 'CONFIRMED', [SENT_COLUMN[kind]]: null }, data: { [SENT_COLUMN[kind]]: now } });
      if (count !== 1) return 0;
      const row = await tx.enrolment.findUniqueOrThrow({ where: { id }, select: loopSelect });
      return sendReminder(tx, row, { kind, origin: backgroundOrigin(row.stage.site), now });
    });
  }
  return sent;
}

export async function sendDueReminders(now = clock.now(), limit = 200): Promise<{ dayBefore: number; convention: number }> {
  const today = dayToDb(parisClock(now).day);
  const tomorrow = dayToDb(addDays(parisClock(now).day, 1));
  const dayBefore = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Enrolment" e JOIN "Stage" s ON s."id" = e."stageId"
    WHERE e."status" = 'CONFIRMED' AND e."reminderSentAt" IS NULL AND s."status" = 'PUBLISHED' AND s."date" = ${tomorrow}::date
    ORDER BY e."id" LIMIT ${limit}`;
  // Conventions not signed, each platform's own N days before the stage.
  const convention = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Enrolment" e
    JOIN "Stage" s ON s."id" = e."stageId"
    JOIN "Site" site ON site."id" = s."siteId"
    LEFT JOIN "Convention" c ON c."enrolmentId" = e."id"
    WHERE e."status" = 'CONFIRMED' AND e."conventionReminderSentAt" IS NULL AND s."status" = 'PUBLISHED'
      AND s."date" >= ${today}::date AND s."date" <= ${today}::date + site."conventionReminderDays"
      AND (c."id" IS NULL OR c."status" <> 'SIGNED')
    ORDER BY s."date", e."id" LIMIT ${limit}`;
  return {
    dayBefore: await remind(
      dayBefore.map((r) => r.id),
      'day-before',
      now,
    ),
    convention: await remind(
      convention.map((r) => r.id),
      'convention',
      now,
    ),
  };
}
