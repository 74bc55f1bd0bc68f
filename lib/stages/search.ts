// « Rechercher un stage »: across ALL platforms, by formation words (accents and case ignored),
// dates, commune or département; stages with places available come first, then by date.
// Platforms and formations are few: they are matched in memory, then one query fetches the stages.
import { z } from 'zod';
import { prisma } from '../core/db.ts';
import { stageRowSelect, type StageRow } from './queries.ts';
import { dayToDb, isUsableDay } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';

const SEARCH_LIMIT = 100;

// Lenient: a hand-edited URL never gives an error page (long values cut, unknown ones dropped).
const cut = (max: number) =>
  z
    .string()
    .optional()
    .default('')
    .transform((v) => v.trim().slice(0, max));
const searchSchema = z.object({
  q: cut(100),
  lieu: cut(80),
  du: cut(10),
  au: cut(10),
  disponibles: z
    .string()
    .optional()
    .transform((v) => (v === '1' ? ('1' as const) : undefined)),
});
export type SearchInput = z.input<typeof searchSchema>;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const words = (s: string) =>
  fold(s)
    .split(' ')
    .filter((w) => w.length > 0);

type SearchSite = { id: string; name: string; slug: string; domains: { host: string }[]; city: string | null; departmentCode: string | null };
type SearchHit = StageRow & { site: SearchSite };
export type SearchResult = { hits: SearchHit[]; total: number; truncated: boolean; from: string; to: string | null };

/** « 35 », « 035 » → a département; anything else → words of the commune (or the platform's name). */
function matchesPlace(site: SearchSite, lieu: string): boolean {
  if (!lieu) return true;
  const dep = /^\s*(\d{2,3}|2[ab])\s*$/i.exec(lieu)?.[1];
  if (dep) return site.departmentCode === dep.toUpperCase().padStart(3, '0');
  const hay = fold(`${site.city ?? ''} ${site.name}`);
  return words(lieu).every((w) => hay.includes(w));
}

export async function searchStages(raw: SearchInput, now = clock.now()): Promise<SearchResult> {
  const input = searchSchema.parse(raw);
  const today = parisClock(now).day;
  const from = isUsableDay(input.du) && input.du > today ? input.du : today;
  const to = isUsableDay(input.au) ? input.au : null;

  const sites: SearchSite[] = (
    await prisma.site.findMany({
      where: { active: true },
      select: {
        id: true,
        name: true,
        slug: true,
        domains: { select: { host: true }, orderBy: { host: 'asc' } },
        establishment: { select: { city: true, departmentCode: true } },
      },
    })
  ).map((s) => ({ id: s.id, name: s.name, slug: s.slug, domains: s.domains, city: s.establishment.city, departmentCode: s.establishment.departmentCode }));
  const inPlace = sites.filter((s) => matchesPlace(s, input.lieu));
  const empty = { hits: [], total: 0, truncated: false, from, to };
  if (inPlace.length === 0) return empty;

  let formationIds: string[] | undefined;
  const q = words(input.q);
  if (q.length) {
    const formations = await prisma.formation.findMany({ where: { siteId: { in: inPlace.map((s) => s.id) } }, select: { id: true, type: true, name: true } });
    formationIds = formations.filter((f) => q.every((w) => fold(`${f.type} ${f.name}`).includes(w))).map((f) => f.id);
    if (formationIds.length === 0) return empty;
  }

  const rows = await prisma.stage.findMany({
    where: {
      siteId: { in: inPlace.map((s) => s.id) },
      status: 'PUBLISHED',
      date: { gte: dayToDb(from), ...(to ? { lte: dayToDb(to) } : {}) },
      ...(formationIds ? { formationId: { in: formationIds } } : {}),
      ...(input.disponibles ? { enrolledCount: { lt: prisma.stage.fields.capacity } } : {}),
    },
    select: { ...stageRowSelect, siteId: true },
    orderBy: [{ date: 'asc' }, { startMinutes: 'asc' }, { id: 'asc' }],
    take: 2000,
  });
  const byId = new Map(sites.map((s) => [s.id, s]));
  const hits = rows
    .map(({ siteId, ...r }) => ({ ...r, date: dbDay(r.date), site: byId.get(siteId)! }))
    .sort((a, b) => Number(a.enrolledCount >= a.capacity) - Number(b.enrolledCount >= b.capacity)); // stable: date order kept
  return { hits: hits.slice(0, SEARCH_LIMIT), total: hits.length, truncated: hits.length > SEARCH_LIMIT, from, to };
}
