// School years: the rentrée is on 1 September; a year is named by the year of its rentrée
// (2026 → « 2026-2027 », schoolYearLabel in lib/core/format.ts). Classes and pupils belong to one
// school year. Dates are read in Paris (lib/core/format.ts), whatever the machine's time zone.
import type { Tx } from '../core/db.ts';
import * as clock from '../core/clock.ts';
import { parisDay, schoolYearOf, type Day } from '../core/format.ts';

/** A year may be closed from 1 July of its last calendar year (the summer before the next rentrée): 2026 → '2027-07-01'. */
export function closableFrom(year: number): Day {
  return `${year + 1}-07-01`;
}

export function canCloseYear(year: number, now: Date = clock.now()): boolean {
  return parisDay(now) >= closableFrom(year);
}

/**
 * The year new classes and pupils belong to: the running school year, or the year after the
 * last closed one (a rollover run in August opens the next year before 1 September).
 */
export async function activeSchoolYear(db: Pick<Tx, 'rollover'>, now: Date = clock.now()): Promise<number> {
  const last = await db.rollover.findFirst({
    where: { dryRun: false, establishmentId: null, finishedAt: { not: null } },
    orderBy: { schoolYear: 'desc' },
    select: { schoolYear: true },
  });
  return Math.max(schoolYearOf(now), last ? last.schoolYear + 1 : 0);
}
