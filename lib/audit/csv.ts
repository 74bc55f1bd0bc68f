// « Exporter en CSV » of a journal: what a French spreadsheet opens cleanly, like the « Stagiaires »
// export (lib/enrolments/csv.ts) — UTF-8 with a BOM, `;` between fields, CRLF line ends, dates as
// jj/mm/aaaa. Written by csv-stringify (quoting included).
import { stringify } from 'csv-stringify/sync';
import { formatNumericDate, formatTime, parisClock } from '../core/format.ts';
import type { AuditRow } from './queries.ts';

const COLUMNS = ['Date', 'Heure', 'Personne', 'Action', 'Détail', 'Lieu', 'Adresse IP'];

/** A spreadsheet runs a cell starting with = + - @ as a formula: typed text never starts so. */
const text = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

export function auditCsv(rows: readonly AuditRow[]): string {
  const records = rows.map((r) => {
    const { day, minutes } = parisClock(r.at);
    return [formatNumericDate(day), formatTime(minutes), text(r.who), r.label, text(r.detail), text(r.where), r.ip ?? ''];
  });
  return stringify([COLUMNS, ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** The download: `journal-<what>-<day>.csv`, never cached. */
export function auditCsvResponse(rows: readonly AuditRow[], what: string): Response {
  const slug = what.replace(/[^a-z0-9-]+/gi, '-').slice(0, 60);
  return new Response(auditCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="journal-${slug}-${parisClock().day}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
