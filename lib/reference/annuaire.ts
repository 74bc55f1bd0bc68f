// Import of the official « Annuaire de l'éducation » into Establishment (collèges, lycées, EREA).
// Streams the file, keeps the three types, merges the lines an establishment spans
// (etablissement_multi_lignes), then upserts by UAI in batches: one INSERT … ON CONFLICT
// statement per batch (atomic), rows left untouched when nothing changed (idempotent).
import { randomBytes } from 'node:crypto';
import type { Db } from '../core/db.ts';
import { seedAcademies } from './academies.ts';
import { parseAnnuaire, type AnnuaireRow } from './annuaire-format.ts';
import type { CsvSource } from './csv.ts';

export { AnnuaireFormatError, parseAnnuaire, type AnnuaireEvent } from './annuaire-format.ts';

type Rejection = { line: number; reason: string };
export type ImportProgress = { phase: 'read' | 'write'; lines: number; kept: number; written: number };
export type ImportOptions = {
  prisma: Db;
  /** Path of the CSV file, or a readable stream / async iterable of its bytes. */
  source: CsvSource;
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** How many rejections are listed in the result (all are counted). */
  maxRejectionsListed?: number;
};
export type ImportResult = {
  imported: number; // establishments (collèges + lycées + EREA), one per UAI
  colleges: number;
  lycees: number;
  erea: number;
  skipped: number; // lines of other types (écoles, services …)
  rejected: number; // malformed lines, invalid UAIs
  merged: number; // extra lines of an establishment spread over several lines
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: Rejection[];
};

/** `imported N (C collèges, L lycées, E EREA), skipped S, rejected R` */
export function formatSummary(r: ImportResult): string {
  return `imported ${r.imported} (${r.colleges} collèges, ${r.lycees} lycées, ${r.erea} EREA), skipped ${r.skipped}, rejected ${r.rejected}`;
}

/**
 * Several lines for one UAI (a lycée polyvalent's sections, an annexe): the first line that is
 * not an annexe gives the identity, the offer flags are combined.
 */
function merge(a: AnnuaireRow, b: AnnuaireRow): AnnuaireRow {
  const annex = (r: AnnuaireRow) => /\bannexe\b/i.test(r.name);
  const primary = annex(a) && !annex(b) ? b : a;
  return {
    ...primary,
    vocational: a.vocational || b.vocational,
    lyceeDesMetiers: a.lyceeDesMetiers || b.lyceeDesMetiers,
    segpa: a.segpa || b.segpa,
    ulis: a.ulis || b.ulis,
    open: a.open || b.open,
  };
}

// Column → SQL type, in INSERT order (the id and the timestamps are added around them).
const COLUMNS: [keyof AnnuaireRow, string][] = [
  ['uai', 'text'],
  ['name', 'text'],
  ['kind', '"EstablishmentKind"'],
  ['isPublic', 'boolean'],
  ['natureLabel', 'text'],
  ['address1', 'text'],
  ['address2', 'text'],
  ['address3', 'text'],
  ['postalCode', 'text'],
  ['city', 'text'],
  ['cityCode', 'text'],
  ['departmentCode', 'text'],
  ['academyCode', 'text'],
  ['phone', 'text'],
  ['directoryEmail', 'text'],
  ['website', 'text'],
  ['vocational', 'boolean'],
  ['lyceeDesMetiers', 'boolean'],
  ['segpa', 'boolean'],
  ['ulis', 'boolean'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['open', 'boolean'],
  ['openedOn', 'date'],
];
const q = (c: string) => `"${c}"`;
const DATA = COLUMNS.filter(([c]) => c !== 'uai').map(([c]) => q(c));

function upsertSql(rows: number): string {
  const per = COLUMNS.length + 1;
  const values = Array.from({ length: rows }, (_, r) => {
    const base = 2 + r * per; // $1 is the import time
    const cells = COLUMNS.map(([, type], k) => `$${base + 1 + k}::${type}`);
    return `($${base}, ${cells.join(', ')}, $1::timestamp(3), $1::timestamp(3))`;
  });
  return `INSERT INTO "Establishment" ("id", ${COLUMNS.map(([c]) => q(c)).join(', ')}, "importedAt", "updatedAt")
VALUES ${values.join(',\n')}
ON CONFLICT ("uai") DO UPDATE SET ${DATA.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
  "importedAt" = EXCLUDED."importedAt", "updatedAt" = EXCLUDED."updatedAt"
WHERE (${DATA.map((c) => `"Establishment".${c}`).join(', ')}) IS DISTINCT FROM (${DATA.map((c) => `EXCLUDED.${c}`).join(', ')})
RETURNING (xmax = 0) AS inserted`;
}

/** A cuid-shaped id ('c' + 24 base-36 characters), like the ids Prisma's @default(cuid()) makes. */
let counter = 0;
function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const rand = [...randomBytes(12)].map((b) => (b % 36).toString(36)).join('');
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${rand}`;
}

async function writeBatch(prisma: Db, rows: AnnuaireRow[], importedAt: string) {
  const params: unknown[] = [importedAt];
  for (const row of rows) params.push(newId(), ...COLUMNS.map(([c]) => row[c]));
  const changed = await prisma.$queryRawUnsafe<{ inserted: boolean }[]>(upsertSql(rows.length), ...params);
  const inserted = changed.filter((r) => r.inserted).length;
  return { inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}

/** Imports the annuaire; the académies are created or refreshed first. */
export async function importAnnuaire(options: ImportOptions): Promise<ImportResult> {
  const { prisma, source, onProgress, batchSize = 500, maxRejectionsListed = 20 } = options;
  const result: ImportResult = {
    imported: 0,
    colleges: 0,
    lycees: 0,
    erea: 0,
    skipped: 0,
    rejected: 0,
    merged: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejections: [],
  };
  const byUai = new Map<string, AnnuaireRow>();
  let lines = 0;
  for await (const event of parseAnnuaire(source)) {
    lines++;
    if (event.type === 'skipped') result.skipped++;
    else if (event.type === 'rejected') {
      result.rejected++;
      if (result.rejections.length < maxRejectionsListed) result.rejections.push({ line: event.line, reason: event.reason });
    } else {
      const seen = byUai.get(event.row.uai);
      if (seen) result.merged++;
      byUai.set(event.row.uai, seen ? merge(seen, event.row) : event.row);
    }
    if (onProgress && lines % 5000 === 0) onProgress({ phase: 'read', lines, kept: byUai.size, written: 0 });
  }

  const rows = [...byUai.values()];
  for (const row of rows) {
    result.imported++;
    if (row.kind === 'COLLEGE') result.colleges++;
    else if (row.kind === 'LYCEE') result.lycees++;
    else result.erea++;
  }

  await prisma.$transaction((tx) => seedAcademies(tx));
  const importedAt = new Date().toISOString();
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const counts = await writeBatch(prisma, batch, importedAt);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    onProgress?.({ phase: 'write', lines, kept: rows.length, written: i + batch.length });
  }
  return result;
}
