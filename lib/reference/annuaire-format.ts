// The official « Annuaire de l'éducation » CSV (dataset fr-en-annuaire-education), as published:
// `;`-separated, UTF-8 with BOM, CRLF. Reads it row by row into Establishment fields.
import { readCsv, type CsvSource } from './csv.ts';
import { academyByLabel, academyOfDepartment } from './academies.ts';
import { departmentOfUai, normalizeUai, uaiCheckLetter } from './uai.ts';

export type EstablishmentKind = 'COLLEGE' | 'LYCEE' | 'EREA';

/** The Establishment columns the import writes (see prisma/schema.prisma). */
export type AnnuaireRow = {
  uai: string;
  name: string;
  kind: EstablishmentKind;
  isPublic: boolean;
  natureLabel: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  postalCode: string | null;
  city: string | null;
  cityCode: string | null;
  departmentCode: string | null;
  academyCode: string | null;
  phone: string | null;
  directoryEmail: string | null;
  website: string | null;
  vocational: boolean;
  lyceeDesMetiers: boolean;
  segpa: boolean;
  ulis: boolean;
  latitude: number | null;
  longitude: number | null;
  open: boolean;
  openedOn: string | null; // 'YYYY-MM-DD'
};

export type AnnuaireEvent =
  { type: 'row'; line: number; row: AnnuaireRow } | { type: 'skipped'; line: number; typeLabel: string } | { type: 'rejected'; line: number; reason: string };

/** Every column the import reads, by its exact name in the published header. */
export const ANNUAIRE_COLUMNS = {
  uai: 'Identifiant_de_l_etablissement',
  name: 'Nom_etablissement',
  type: 'Type_etablissement',
  status: 'Statut_public_prive',
  address1: 'Adresse_1',
  address2: 'Adresse_2',
  address3: 'Adresse_3',
  postalCode: 'Code postal',
  cityCode: 'Code_commune',
  city: 'Nom_commune',
  department: 'Code_departement',
  academy: 'Libelle_academie',
  vocational: 'Voie_professionnelle',
  phone: 'Telephone',
  website: 'Web',
  directoryEmail: 'Mail',
  ulis: 'ULIS',
  segpa: 'Segpa',
  lyceeDesMetiers: 'Lycee_des_metiers',
  latitude: 'latitude',
  longitude: 'longitude',
  openedOn: 'date_ouverture',
  state: 'etat',
  natureLabel: 'libelle_nature',
} as const;
type Column = keyof typeof ANNUAIRE_COLUMNS;

/** The row's fields copied from the column of the same key, by how each is read. */
const TEXT_FIELDS = ['natureLabel', 'address1', 'address2', 'address3', 'postalCode', 'city', 'cityCode', 'phone', 'directoryEmail', 'website'] as const;
const FLAG_FIELDS = ['vocational', 'lyceeDesMetiers', 'segpa', 'ulis'] as const;
const NUMBER_FIELDS = ['latitude', 'longitude'] as const;

/** The error thrown when the header is not the annuaire's. */
export class AnnuaireFormatError extends Error {
  constructor(public readonly missing: string[]) {
    super(`Colonnes manquantes : ${missing.join(', ')} ; ce fichier n'est pas au format de l'Annuaire de l'éducation`);
    this.name = 'AnnuaireFormatError';
  }
}

/** Column positions from the header (names trimmed; exact case first, then case-insensitive). */
function columnIndex(header: string[]): Record<Column, number> {
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const lower = names.map((h) => h.toLowerCase());
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(ANNUAIRE_COLUMNS) as [Column, string][]) {
    let i = names.indexOf(name);
    if (i < 0) i = lower.indexOf(name.toLowerCase());
    if (i < 0) missing.push(name);
    index[key] = i;
  }
  if (missing.length) throw new AnnuaireFormatError(missing);
  return index;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
const KINDS: Record<string, EstablishmentKind> = { college: 'COLLEGE', lycee: 'LYCEE', erea: 'EREA' };

/** 'Collège' → COLLEGE, 'Lycée' → LYCEE, 'EREA' → EREA; any other type → null (skipped). */
export function kindOfType(label: string): EstablishmentKind | null {
  return KINDS[fold(label)] ?? null;
}

/** '35' / '035' / '2A' → the 3-character form of Code_departement ('035', '02A'). */
function departmentCode(raw: string, uai: string): string {
  const d = raw.trim().toUpperCase();
  if (/^\d[\dAB]$/.test(d)) return `0${d}`;
  return d || departmentOfUai(uai);
}

const text = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};
const flag = (v: string | undefined) => (v ?? '').trim() === '1';
const number = (v: string | undefined) => {
  const t = (v ?? '').trim().replace(',', '.');
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
};
const isoDate = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? t : null;
};

/** The fields `keys`, each read from its column by `as`. */
function readFields<K extends Column, T>(keys: readonly K[], get: (c: Column) => string | undefined, as: (v: string | undefined) => T): Record<K, T> {
  return Object.fromEntries(keys.map((k) => [k, as(get(k))])) as Record<K, T>;
}

/** Maps one record (already known to have the header's column count). */
function toEvent(line: number, f: string[], col: Record<Column, number>): AnnuaireEvent {
  const get = (c: Column) => f[col[c]];
  const typeLabel = (get('type') ?? '').trim();
  const kind = kindOfType(typeLabel);
  if (!kind) return { type: 'skipped', line, typeLabel };
  const rawUai = (get('uai') ?? '').trim();
  const uai = normalizeUai(rawUai);
  if (!/^\d{7}[A-Z]$/.test(uai)) return { type: 'rejected', line, reason: `UAI « ${rawUai} » mal formé (7 chiffres et une lettre attendus)` };
  const letter = uaiCheckLetter(uai.slice(0, 7));
  if (letter !== uai[7]) return { type: 'rejected', line, reason: `UAI « ${rawUai} » : lettre de contrôle incorrecte (${letter} attendu)` };
  const name = text(get('name'));
  if (!name) return { type: 'rejected', line, reason: `UAI ${uai} : nom de l'établissement manquant` };
  const dep = departmentCode(get('department') ?? '', uai);
  const academy = academyByLabel(get('academy') ?? '') ?? academyOfDepartment(dep);
  return {
    type: 'row',
    line,
    row: {
      uai,
      name,
      kind,
      isPublic: (get('status') ?? '').trim() === 'Public',
      ...readFields(TEXT_FIELDS, get, text),
      departmentCode: dep,
      academyCode: academy?.code ?? null,
      ...readFields(FLAG_FIELDS, get, flag),
      ...readFields(NUMBER_FIELDS, get, number),
      open: (get('state') ?? '').trim() === 'OUVERT',
      openedOn: isoDate(get('openedOn')),
    },
  };
}

/**
 * Reads the file and yields one event per data line: a kept row, a skipped type or a rejected
 * line (wrong column count, unterminated quote, invalid UAI, no name). Throws
 * AnnuaireFormatError before any row when the header lacks a column.
 */
export async function* parseAnnuaire(source: CsvSource): AsyncGenerator<AnnuaireEvent> {
  let col: Record<Column, number> | null = null;
  let width = 0;
  for await (const { line, fields, unterminated } of readCsv(source, ';')) {
    if (!col) {
      col = columnIndex(fields);
      width = fields.length;
      continue;
    }
    if (unterminated) yield { type: 'rejected', line, reason: 'guillemet ouvrant sans guillemet fermant' };
    else if (fields.length !== width) yield { type: 'rejected', line, reason: `ligne mal formée : ${fields.length} colonnes au lieu de ${width}` };
    else yield toEvent(line, fields, col);
  }
  if (!col) throw new AnnuaireFormatError(Object.values(ANNUAIRE_COLUMNS));
}
