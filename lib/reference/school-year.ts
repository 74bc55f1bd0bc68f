// School years: the rentrée is on 1 September; a year is named by the year of its rentrée
// (2026 → « 2026-2027 »). Classes and pupils belong to one school year.
import type { Tx } from '../core/db.ts';
import * as clock from '../core/clock.ts';

/** The school year running on that date: 2026-11-23 → 2026, 2027-06-30 → 2026, 2027-09-01 → 2027. */
export function currentSchoolYear(date: Date = clock.now()): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** « 2026-2027 » */
export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

/** A year may be closed from 1 July of its last calendar year (the summer before the next rentrée). */
export function closableFrom(year: number): Date {
  return new Date(year + 1, 6, 1);
}

export function canCloseYear(year: number, now: Date = clock.now()): boolean {
  return now >= closableFrom(year);
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
  return Math.max(currentSchoolYear(now), last ? last.schoolYear + 1 : 0);
}
