// Read models of a platform's stages: the list, the month calendar, one stage, the filter choices.
// Each is a constant number of queries whatever the number of stages (no N+1).
import { cache } from 'react';
import { prisma } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { HolidayZone } from '../reference/academies.ts';
import type { StageFilters } from './filters.ts';
import { isAlsaceMoselle } from './rules.ts';
import { addDays, dayToDb, weekday, type Day } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { siteById } from '../core/site-cache.ts';
import { sharedRead } from '../core/shared-reads.ts';
import { filtersQuery } from './filters.ts';

/** A stage's slot as lists and emails name it: when, its state, its formation. */
export const stageSlotSelect = {
  id: true,
  date: true,
  startMinutes: true,
  endMinutes: true,
  status: true,
  formation: { select: { type: true, name: true } },
} satisfies Prisma.StageSelect;

export const stageRowSelect = {
  id: true,
  date: true,
  startMinutes: true,
  endMinutes: true,
  stageType: true,
  scheduleDetail: true,
  capacity: true,
  enrolledCount: true,
  status: true,
  place: true,
  audience: true,
  formation: { select: { id: true, type: true, name: true } },
  teacher: { select: { id: true, firstName: true, lastName: true } },
} satisfies Prisma.StageSelect;

type RawRow = Prisma.StageGetPayload<{ select: typeof stageRowSelect }>;
export type StageRow = Omit<RawRow, 'date'> & { date: Day };

const toRow = (r: RawRow): StageRow => ({ ...r, date: dbDay(r.date) });

/** The WHERE clause of the filters, always scoped to the platform. */
function stageWhere(siteId: string, f: Partial<StageFilters>): Prisma.StageWhereInput {
  const where: Prisma.StageWhereInput = { siteId };
  if (f.type) where.stageType = f.type;
  if (f.horaires) where.scheduleDetail = f.horaires;
  if (f.filiere) where.formationId = f.filiere;
  if (f.enseignant) where.teacherId = f.enseignant;
  if (f.remplissage === 'disponibles') Object.assign(where, { status: 'PUBLISHED', enrolledCount: { lt: prisma.stage.fields.capacity } });
  if (f.remplissage === 'complet') Object.assign(where, { status: 'PUBLISHED', enrolledCount: { gte: prisma.stage.fields.capacity } });
  return where;
}

function orderBy(f: Pick<StageFilters, 'tri' | 'ordre'>): Prisma.StageOrderByWithRelationInput[] {
  const o = f.ordre;
  const byDate: Prisma.StageOrderByWithRelationInput[] = [{ date: o }, { startMinutes: o }];
  switch (f.tri) {
    case 'horaires':
      return [{ startMinutes: o }, { endMinutes: o }, { date: 'asc' }];
    case 'formation':
      return [{ formation: { type: o } }, { formation: { name: o } }, { date: 'asc' }, { startMinutes: 'asc' }];
    case 'enseignant':
      return [{ teacher: { lastName: o } }, { teacher: { firstName: o } }, { date: 'asc' }, { startMinutes: 'asc' }];
    case 'inscrits':
      return [{ enrolledCount: o }, { capacity: o }, { date: 'asc' }];
    default:
      return [...byDate, { id: 'asc' }];
  }
}

/** At most this many rows in « Liste des stages » (with « passes », years of stages): narrow with the filters. */
export const LIST_LIMIT = 500;

/** « Liste des stages »: past stages hidden unless `passes`; at most LIST_LIMIT rows in the order asked for. */
export async function listStages(siteId: string, f: StageFilters, now = clock.now()): Promise<StageRow[]> {
  const where = stageWhere(siteId, f);
  if (!f.passes) where.date = { gte: dayToDb(parisClock(now).day) };
  const rows = await prisma.stage.findMany({ where, select: stageRowSelect, orderBy: orderBy(f), take: LIST_LIMIT });
  return rows.map(toRow);
}

/** The days shown by a month grid: Monday before the 1st to the Sunday after the last day. */
export function monthGrid(month: string): Day[] {
  const first = `${month}-01`;
  const start = addDays(first, -((weekday(first) + 6) % 7));
  const [y, m] = month.split('-').map(Number);
  const last = dbDay(new Date(Date.UTC(y, m, 0)));
  const end = addDays(last, (7 - weekday(last)) % 7);
  const days: Day[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The stages of the days a month grid shows, grouped by day. */
export async function calendarMonth(siteId: string, month: string, f: StageFilters) {
  const days = monthGrid(month);
  const where = stageWhere(siteId, f);
  where.date = { gte: dayToDb(days[0]), lte: dayToDb(days[days.length - 1]) };
  const rows = await prisma.stage.findMany({ where, select: stageRowSelect, orderBy: [{ date: 'asc' }, { startMinutes: 'asc' }, { id: 'asc' }] });
  const byDay = new Map<Day, StageRow[]>();
  for (const r of rows.map(toRow)) {
    const list = byDay.get(r.date) ?? [];
    list.push(r);
    byDay.set(r.date, list);
  }
  return { days, byDay, total: rows.length };
}

export type SiteStageContext = Awaited<ReturnType<typeof stageContext>>;

/**
 * The lycée's holiday zone (from its académie) and whether Alsace-Moselle's public holidays apply: from
 * this process's copy of the platforms, or read in `db` (a transaction that must see its own rows).
 */
export async function siteCalendarInfo(siteId: string, db?: Pick<typeof prisma, 'site'>) {
  if (!db) {
    const site = await siteById(siteId);
    if (!site) throw notFound('Plateforme');
    return { zone: site.holidayZone, alsace: isAlsaceMoselle(site.departmentCode) };
  }
  const site = await db.site.findUnique({
    where: { id: siteId },
    select: { establishment: { select: { departmentCode: true, academy: { select: { holidayZone: true } } } } },
  });
  if (!site) throw notFound('Plateforme');
  return {
    zone: (site.establishment.academy?.holidayZone ?? null) as HolidayZone | null,
    alsace: isAlsaceMoselle(site.establishment.departmentCode),
  };
}

type ContextRow = {
  formations: { id: string; type: string; name: string; active: boolean }[];
  teachers: { id: string; firstName: string; lastName: string; email: string | null; active: boolean }[];
  stageTypes: string[];
  scheduleDetails: string[];
};

/**
 * What the forms and the filters offer: formations, teachers, types and schedule details in use,
 * holiday zone. One statement (four lists), read once per request.
 */
export const stageContext = cache(async (siteId: string) => {
  const [info, [row]] = await Promise.all([
    siteCalendarInfo(siteId),
    prisma.$queryRaw<ContextRow[]>`
      SELECT
        COALESCE((SELECT json_agg(json_build_object('id', f.id, 'type', f.type, 'name', f.name, 'active', f.active) ORDER BY f.type, f.name)
                    FROM "Formation" f WHERE f."siteId" = ${siteId}), '[]'::json) AS "formations",
        COALESCE((SELECT json_agg(json_build_object('id', t.id, 'firstName', t."firstName", 'lastName', t."lastName", 'email', t.email, 'active', t.active)
                             ORDER BY t."lastName", t."firstName")
                    FROM "Teacher" t WHERE t."siteId" = ${siteId}), '[]'::json) AS "teachers",
        COALESCE((SELECT json_agg(x.v ORDER BY x.v) FROM (SELECT DISTINCT s."stageType" AS v FROM "Stage" s WHERE s."siteId" = ${siteId}) x), '[]'::json) AS "stageTypes",
        COALESCE((SELECT json_agg(x.v ORDER BY x.v) FROM (SELECT DISTINCT s."scheduleDetail" AS v FROM "Stage" s
                    WHERE s."siteId" = ${siteId} AND s."scheduleDetail" IS NOT NULL) x), '[]'::json) AS "scheduleDetails"`,
  ]);
  return { ...info, ...row };
});

/** One stage of the platform, or null (another platform's stage is not found: pages answer notFound()). */
export async function getStage(siteId: string, id: string) {
  const stage = await prisma.stage.findFirst({
    where: { id, siteId },
    select: {
      ...stageRowSelect,
      description: true,
      cancelledAt: true,
      cancelReason: true,
      createdAt: true,
      updatedAt: true,
      formationId: true,
      teacherId: true,
    },
  });
  return stage ? { ...stage, date: dbDay(stage.date) } : null;
}

export const teacherName = (t: { firstName: string; lastName: string } | null) => (t ? `${t.firstName} ${t.lastName}` : '—');

/**
 * The reads of the calendar, the list and a stage's page: the same for whoever asks, so shared by all
 * for a second (lib/core/shared-reads.ts); an action on the platform lets them go at once. `fresh`: the
 * page's person just acted (freshReads in lib/core/session.ts). What a viewer alone may see (a stage's
 * enrolled pupils) is read apart, per request.
 */
export const stageReads = (fresh = false) => ({
  stageContext: (siteId: string) => sharedRead(siteId, ['stage-context'], () => stageContext(siteId), fresh),
  // Keyed by what each read uses, nothing more (a made-up ?mois= on the list is not another answer).
  calendarMonth: (siteId: string, month: string, f: StageFilters) =>
    sharedRead(siteId, ['calendar', month, f.type, f.horaires, f.filiere, f.enseignant, f.remplissage], () => calendarMonth(siteId, month, f), fresh),
  listStages: (siteId: string, f: StageFilters) =>
    sharedRead(siteId, ['list', parisClock().day, filtersQuery({ ...f, mois: undefined })], () => listStages(siteId, f), fresh),
  getStage: (siteId: string, id: string) => sharedRead(siteId, ['stage', id], () => getStage(siteId, id), fresh),
});
