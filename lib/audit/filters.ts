// The journals' filters, read from the page's query string (or the CSV link's): period (du / au, Paris
// days), kind of act (type), person (a name or an address typed, or one account's id from a link), page.
// Unknown or malformed values are ignored, never an error.
import { firstParam } from '../core/text.ts';
import { isAuditKind, type AuditKind } from './labels.ts';

export type AuditSearch = Record<string, string | string[] | undefined>;

export type AuditFilters = {
  from: string | null; // 'YYYY-MM-DD', Paris day, included
  to: string | null; // included
  kind: AuditKind | null;
  person: string; // typed: every word is in the name, the login or the address
  actorId: string | null; // exact account (a click on a name)
  page: number; // from 1
};

const isDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export function auditFilters(sp: AuditSearch): AuditFilters {
  const from = firstParam(sp.du, 10);
  const to = firstParam(sp.au, 10);
  const kind = firstParam(sp.type, 20);
  const actor = firstParam(sp.compte, 40);
  const page = Number(firstParam(sp.page, 6));
  let f: AuditFilters = {
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
    kind: isAuditKind(kind) ? kind : null,
    person: firstParam(sp.personne, 100).trim().replace(/\s+/g, ' '),
    actorId: /^[A-Za-z0-9_-]{1,40}$/.test(actor) ? actor : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
  if (f.from && f.to && f.from > f.to) f = { ...f, from: f.to, to: f.from };
  return f;
}

/** The query string of these filters (the page left out unless asked): links, CSV, pages. */
export function auditQuery(f: AuditFilters, page?: number): string {
  const entries: [string, string][] = [
    ['du', f.from ?? ''],
    ['au', f.to ?? ''],
    ['type', f.kind ?? ''],
    ['personne', f.person],
    ['compte', f.actorId ?? ''],
    ['page', page && page > 1 ? String(page) : ''],
  ];
  return new URLSearchParams(entries.filter(([, v]) => v)).toString();
}
