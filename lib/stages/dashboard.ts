// « Tableau de bord » figures of a platform. Definitions (README, « Tableau de bord »):
// - REMPLISSAGE: N INSCRITS = confirmed enrolments in the platform's published stages from today on;
//   M DISPO. = places still free in those stages (Σ capacity − Σ enrolledCount).
// - TOP 5 FILIÈRES: formations ranked by confirmed enrolments in this school year's published
//   stages (from 1 September), then by stages offered.
// - TOP 5 ÉTABLISSEMENTS: collèges ranked by distinct pupils with a confirmed enrolment in this
//   school year's published stages.
// - STAGE À VENIR: the next published stages (today included).
// Six queries whatever the number of stages.
import { prisma } from '../core/db.ts';
import { sharedRead } from '../core/shared-reads.ts';
import { stageRowSelect, type StageRow } from './queries.ts';
import { dayToDb, schoolYearStart } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';

export type RankedItem = { id: string; label: string; enrolled: number; detail: string };
export type Dashboard = {
  filling: { enrolled: number; available: number; capacity: number; stages: number };
  topFormations: RankedItem[];
  topEstablishments: RankedItem[];
  upcoming: StageRow[];
  upcomingTotal: number;
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export async function dashboardFigures(siteId: string, options: { now?: Date; upcoming?: number } = {}): Promise<Dashboard> {
  const today = parisClock(options.now ?? clock.now()).day;
  const upcomingWhere = { siteId, status: 'PUBLISHED' as const, date: { gte: dayToDb(today) } };
  const yearWhere = { siteId, status: 'PUBLISHED' as const, date: { gte: dayToDb(schoolYearStart(today)) } };

  const [sums, enrolled, byFormation, pupilsByCollege, upcoming] = await Promise.all([
    prisma.stage.aggregate({ where: upcomingWhere, _sum: { capacity: true, enrolledCount: true }, _count: { _all: true } }),
    prisma.enrolment.count({ where: { status: 'CONFIRMED', stage: upcomingWhere } }),
    prisma.stage.groupBy({ by: ['formationId'], where: yearWhere, _sum: { enrolledCount: true, capacity: true }, _count: { _all: true } }),
    prisma.enrolment.groupBy({ by: ['establishmentId', 'pupilId'], where: { status: 'CONFIRMED', stage: yearWhere } }),
    prisma.stage.findMany({
      where: upcomingWhere,
      select: stageRowSelect,
      orderBy: [{ date: 'asc' }, { startMinutes: 'asc' }, { id: 'asc' }],
      take: options.upcoming ?? 5,
    }),
  ]);

  const topF = byFormation
    .map((g) => ({ id: g.formationId, enrolled: g._sum.enrolledCount ?? 0, capacity: g._sum.capacity ?? 0, stages: g._count._all }))
    .sort((a, b) => b.enrolled - a.enrolled || b.stages - a.stages || a.id.localeCompare(b.id))
    .slice(0, 5);
  const perCollege = new Map<string, number>();
  for (const g of pupilsByCollege) perCollege.set(g.establishmentId, (perCollege.get(g.establishmentId) ?? 0) + 1);
  const topE = [...perCollege]
    .map(([id, pupils]) => ({ id, pupils }))
    .sort((a, b) => b.pupils - a.pupils || a.id.localeCompare(b.id))
    .slice(0, 5);

  const [formations, colleges] = await Promise.all([
    prisma.formation.findMany({ where: { id: { in: topF.map((f) => f.id) }, siteId }, select: { id: true, type: true, name: true } }),
    prisma.establishment.findMany({ where: { id: { in: topE.map((e) => e.id) } }, select: { id: true, name: true, city: true } }),
  ]);
  const fName = new Map(formations.map((f) => [f.id, `${f.type} ${f.name}`]));
  const cName = new Map(colleges.map((c) => [c.id, c.city ? `${c.name} (${c.city})` : c.name]));

  const capacity = sums._sum.capacity ?? 0;
  return {
    filling: { enrolled, available: capacity - (sums._sum.enrolledCount ?? 0), capacity, stages: sums._count._all },
    topFormations: topF.map((f) => ({
      id: f.id,
      label: fName.get(f.id) ?? '—',
      enrolled: f.enrolled,
      detail: `${plural(f.enrolled, 'inscrit', 'inscrits')} · ${plural(f.stages, 'stage', 'stages')} · ${plural(f.capacity, 'place', 'places')}`,
    })),
    topEstablishments: topE.map((e) => ({ id: e.id, label: cName.get(e.id) ?? '—', enrolled: e.pupils, detail: plural(e.pupils, 'élève inscrit', 'élèves inscrits') })),
    upcoming: upcoming.map((r) => ({ ...r, date: dbDay(r.date) })),
    upcomingTotal: sums._count._all,
  };
}

/**
 * The figures as the dashboard shows them: the same for whoever asks, shared for a second
 * (lib/core/shared-reads.ts); `fresh`: the page's person just acted (freshReads in lib/core/session.ts).
 */
export const sharedDashboardFigures = (siteId: string, fresh = false): Promise<Dashboard> =>
  sharedRead(siteId, ['dashboard', parisClock(clock.now()).day], () => dashboardFigures(siteId), fresh);
