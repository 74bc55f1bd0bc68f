// Duplicating a stage to other days: a list of dates, or « tous les mercredis jusqu'au … ».
// Every date is checked against the publication rules; the report says which were refused and why.
import { prisma } from '../core/db.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { checkStageRules, holidayWarning } from './rules.ts';
import { MAX_DUPLICATES, type DuplicateStageInput } from './schema.ts';
import { siteCalendarInfo } from './queries.ts';
import { addDays, dayToDb, isValidDay, weekday, type Day } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { recordAudit } from '../audit/service.ts';

export type DuplicateReport = {
  created: { id: string; date: Day }[];
  refused: { date: Day; reason: string }[];
  warnings: { date: Day; message: string }[];
};

const DUPLICATE_MESSAGES = {
  sameDay: 'C’est le jour du stage d’origine.',
  exists: 'Un stage de cette formation existe déjà ce jour-là à la même heure.',
  repeated: 'Date saisie deux fois.',
  tooMany: `Au plus ${MAX_DUPLICATES} dates à la fois : rapprochez la date de fin.`,
  noDate: 'Aucun jour ne correspond entre demain et la date de fin choisie.',
};

/** The days asked for: the list as typed, or every given weekday after the source day (and from today) until `until`. */
export function expandDates(input: Pick<DuplicateStageInput, 'mode' | 'dates' | 'weekday' | 'until'>, from: Day, today: Day): Day[] {
  if (input.mode === 'dates') return input.dates.filter(Boolean);
  const out: Day[] = [];
  let d = addDays(from > today ? from : today, 1);
  while (weekday(d) !== input.weekday) d = addDays(d, 1);
  for (; d <= input.until && out.length <= MAX_DUPLICATES; d = addDays(d, 7)) out.push(d);
  return out;
}

export async function duplicateStage(input: { siteId: string; userId: string; dup: DuplicateStageInput; now?: Date }): Promise<DuplicateReport> {
  const now = input.now ?? clock.now();
  const today = parisClock(now).day;
  const source = await prisma.stage.findFirst({ where: { id: input.dup.id, siteId: input.siteId } });
  if (!source) throw notFound('Stage');
  if (source.status === 'CANCELLED') throw conflict('Ce stage est annulé : il ne peut pas être dupliqué.');
  const sourceDay = dbDay(source.date);
  const dates = expandDates(input.dup, sourceDay, today);
  if (dates.length === 0) throw invalid(DUPLICATE_MESSAGES.noDate, { until: [DUPLICATE_MESSAGES.noDate] });
  if (dates.length > MAX_DUPLICATES) throw invalid(DUPLICATE_MESSAGES.tooMany, { until: [DUPLICATE_MESSAGES.tooMany] });

  const info = await siteCalendarInfo(input.siteId);
  const existing = await prisma.stage.findMany({
    where: {
      siteId: input.siteId,
      formationId: source.formationId,
      startMinutes: source.startMinutes,
      status: 'PUBLISHED',
      date: { in: dates.filter(isValidDay).map(dayToDb) },
    },
    select: { date: true },
  });
  const taken = new Set(existing.map((e) => dbDay(e.date)));
  const report: DuplicateReport = { created: [], refused: [], warnings: [] };
  const seen = new Set<Day>();
  const accepted: Day[] = [];
  for (const date of dates) {
    const issue = checkStageRules({ date, startMinutes: source.startMinutes, endMinutes: source.endMinutes }, { now, alsace: info.alsace })[0];
    if (issue) report.refused.push({ date, reason: issue.message });
    else if (seen.has(date)) report.refused.push({ date, reason: DUPLICATE_MESSAGES.repeated });
    else if (date === sourceDay) report.refused.push({ date, reason: DUPLICATE_MESSAGES.sameDay });
    else if (taken.has(date)) report.refused.push({ date, reason: DUPLICATE_MESSAGES.exists });
    else {
      accepted.push(date);
      const w = holidayWarning(date, info.zone);
      if (w) report.warnings.push({ date, message: w });
    }
    seen.add(date);
  }
  if (accepted.length) {
    const { siteId, formationId, teacherId, stageType, startMinutes, endMinutes, scheduleDetail, capacity, place, audience, description } = source;
    const rows = await prisma.$transaction(async (tx) => {
      const created = await tx.stage.createManyAndReturn({
        data: accepted.map((date) => ({
          siteId,
          formationId,
          teacherId,
          stageType,
          startMinutes,
          endMinutes,
          scheduleDetail,
          capacity,
          place,
          audience,
          description,
          date: dayToDb(date),
          createdById: input.userId,
        })),
        select: { id: true, date: true },
      });
      await recordAudit(tx, {
        actorId: input.userId,
        action: 'stage.duplicate',
        siteId,
        targetType: 'Stage',
        targetId: source.id,
        data: { copies: created.map((r) => ({ id: r.id, date: dbDay(r.date) })) },
      });
      return created;
    });
    report.created = rows.map((r) => ({ id: r.id, date: dbDay(r.date) })).sort((a, b) => a.date.localeCompare(b.date));
  }
  return report;
}
