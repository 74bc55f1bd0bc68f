// Read model of the operator's rollover page (« Rentrée scolaire »): the active year, the last runs
// and the school years that still hold classes or pupils.
import { prisma } from '../core/db.ts';
import * as clock from '../core/clock.ts';
import { activeSchoolYear } from '../reference/school-year.ts';

export async function rolloverOverview(now: Date = clock.now()) {
  const [active, runs, classYears, pupilYears] = await Promise.all([
    activeSchoolYear(prisma, now),
    prisma.rollover.findMany({ orderBy: { startedAt: 'desc' }, take: 10, include: { startedBy: { select: { login: true } } } }),
    prisma.classRoom.findMany({ select: { schoolYear: true }, distinct: ['schoolYear'] }),
    prisma.pupil.findMany({ where: { anonymisedAt: null }, select: { schoolYear: true }, distinct: ['schoolYear'] }),
  ]);
  return { active, runs, yearsWithData: [...classYears.map((c) => c.schoolYear), ...pupilYears.map((p) => p.schoolYear)] };
}
