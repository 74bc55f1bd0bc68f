// Reading the audit trail: the three journals (a collège's, a platform's, the operator's whole one),
// filtered, newest first, a page at a time, and the same lines for the CSV export. Each line says who
// (a name — never a pupil's: « Élève » —, « Compte supprimé » for an account removed since), what (the
// French label), when, where (the collège and/or the platform) and from which address.
// The scope comes from the guard (the session's establishment, the host's platform), never from the
// query string: another establishment's or platform's lines are not read at all.
import { prisma } from '../core/db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { displayName, parisClock } from '../core/format.ts';
import { actionDetail, actionLabel, actionsOfKind } from './labels.ts';
import type { AuditFilters } from './filters.ts';

export type AuditScope = { kind: 'establishment'; establishmentId: string } | { kind: 'site'; siteId: string } | { kind: 'all' };

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  label: string;
  detail: string;
  who: string;
  /** The account to filter by (null: nobody signed in, or a pupil). */
  whoId: string | null;
  where: string;
  ip: string | null;
};

export const AUDIT_PAGE_SIZE = 50;
/** The most lines one CSV export holds (newest first): beyond, narrow the period. */
const AUDIT_EXPORT_MAX = 20_000;

export const DELETED_ACCOUNT = 'Compte supprimé';
const PUPIL_ACTOR = 'Élève';

/** Who acted when no account did: a signature link, the waiting list, an unknown identifier… */
function nobody(action: string): string {
  if (action === 'sign-in.failure') return 'Compte inconnu';
  if (action === 'convention.sign') return 'Signataire (lien reçu par email)';
  if (action === 'access-request.create') return 'Demandeur (sans compte)';
  return 'Automatique';
}

/** The instant a Paris day starts (the offset at 00:00 UTC is the one of the Paris midnight before it: changes happen at 01:00 UTC). */
function parisMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  return new Date(utc.getTime() - parisClock(utc).minutes * 60_000);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function scopeWhere(scope: AuditScope): Prisma.AuditEntryWhereInput {
  if (scope.kind === 'establishment') return { establishmentId: scope.establishmentId };
  if (scope.kind === 'site') return { siteId: scope.siteId };
  return {};
}

/** The accounts a typed person matches (each word in a name, the login or the address); at most 200. */
async function accountsMatching(text: string): Promise<string[]> {
  const words = text.split(' ').filter(Boolean).slice(0, 5);
  const users = await prisma.user.findMany({
    where: {
      AND: words.map((w) => ({
        OR: [
          { firstName: { contains: w, mode: 'insensitive' as const } },
          { lastName: { contains: w, mode: 'insensitive' as const } },
          { login: { contains: w, mode: 'insensitive' as const } },
          { email: { contains: w, mode: 'insensitive' as const } },
        ],
      })),
    },
    select: { id: true },
    take: 200,
  });
  return users.map((u) => u.id);
}

/** The filter as a where clause, inside the scope; null when it matches nothing (an unknown person). */
async function whereOf(scope: AuditScope, f: AuditFilters): Promise<Prisma.AuditEntryWhereInput | null> {
  const and: Prisma.AuditEntryWhereInput[] = [scopeWhere(scope)];
  if (f.from || f.to) and.push({ at: { ...(f.from ? { gte: parisMidnight(f.from) } : {}), ...(f.to ? { lt: parisMidnight(nextDay(f.to)) } : {}) } });
  if (f.kind) and.push({ action: { in: actionsOfKind(f.kind) } });
  if (f.actorId) and.push({ actorId: f.actorId });
  if (f.person) {
    const ids = await accountsMatching(f.person);
    if (ids.length === 0) return null;
    and.push({ actorId: { in: ids } });
  }
  return { AND: and };
}

const entrySelect = { id: true, at: true, actorId: true, action: true, establishmentId: true, siteId: true, data: true, ip: true } as const;
type Entry = Prisma.AuditEntryGetPayload<{ select: typeof entrySelect }>;

/** The lines in French: names of the people and places read in three queries for the whole page. */
async function describe(entries: Entry[]): Promise<AuditRow[]> {
  const ids = (pick: (e: Entry) => string | null) => [...new Set(entries.map(pick).filter((v): v is string => !!v))];
  const [users, establishments, sites] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: ids((e) => e.actorId) } },
      select: { id: true, civility: true, firstName: true, lastName: true, login: true, pupil: { select: { id: true } } },
    }),
    prisma.establishment.findMany({ where: { id: { in: ids((e) => e.establishmentId) } }, select: { id: true, name: true, city: true } }),
    prisma.site.findMany({ where: { id: { in: ids((e) => e.siteId) } }, select: { id: true, name: true } }),
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const establishmentOf = new Map(establishments.map((x) => [x.id, x.city ? `${x.name} (${x.city})` : x.name]));
  const siteOf = new Map(sites.map((x) => [x.id, `plateforme ${x.name}`]));
  return entries.map((e) => {
    const u = e.actorId ? userOf.get(e.actorId) : undefined;
    const who = !e.actorId ? nobody(e.action) : !u ? DELETED_ACCOUNT : u.pupil ? PUPIL_ACTOR : displayName(u, { fallback: u.login });
    const where = [
      e.establishmentId ? (establishmentOf.get(e.establishmentId) ?? 'Établissement supprimé') : null,
      e.siteId ? (siteOf.get(e.siteId) ?? 'Plateforme supprimée') : null,
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      id: e.id,
      at: e.at,
      action: e.action,
      label: actionLabel(e.action),
      detail: actionDetail(e.action, e.data),
      who,
      whoId: u && !u.pupil ? u.id : null,
      where: where || '—',
      ip: e.ip,
    };
  });
}

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pages: number };

/** One page of the journal, newest first (a page past the end shows the last one). */
export async function auditPage(scope: AuditScope, f: AuditFilters): Promise<AuditPage> {
  const where = await whereOf(scope, f);
  if (!where) return { rows: [], total: 0, page: 1, pages: 1 };
  const total = await prisma.auditEntry.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const entries = await prisma.auditEntry.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: entrySelect,
  });
  return { rows: await describe(entries), total, page, pages };
}

/** The lines of the CSV export: the same filters, every page, at most AUDIT_EXPORT_MAX (the newest). */
export async function auditExport(scope: AuditScope, f: AuditFilters): Promise<AuditRow[]> {
  const where = await whereOf(scope, f);
  if (!where) return [];
  const out: AuditRow[] = [];
  // By batches of 1,000 (the names of a batch in three queries), newest first.
  for (let skip = 0; skip < AUDIT_EXPORT_MAX; skip += 1000) {
    const entries = await prisma.auditEntry.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip, take: 1000, select: entrySelect });
    out.push(...(await describe(entries)));
    if (entries.length < 1000) break;
  }
  return out;
}

/** The name of the account a `compte=` filter names, inside this scope only (else null: the filter shows nothing of it). */
export async function auditActorName(scope: AuditScope, actorId: string): Promise<string | null> {
  const seen = await prisma.auditEntry.findFirst({ where: { AND: [scopeWhere(scope), { actorId }] }, select: { id: true } });
  if (!seen) return null;
  const u = await prisma.user.findUnique({
    where: { id: actorId },
    select: { civility: true, firstName: true, lastName: true, login: true, pupil: { select: { id: true } } },
  });
  return !u ? DELETED_ACCOUNT : u.pupil ? PUPIL_ACTOR : displayName(u, { fallback: u.login });
}
