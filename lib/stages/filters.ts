// The filters of the calendar and the list, read from GET query parameters (shareable links, work
// without JavaScript) and written back into links. Pure.
import { z } from 'zod';
import { isUsableDay } from './time.ts';

export const FILL_OPTIONS = { tous: 'Tous', disponibles: 'Places disponibles', complet: 'Complet' } as const;
type Fill = keyof typeof FILL_OPTIONS;

const SORT_KEYS = ['date', 'horaires', 'formation', 'enseignant', 'inscrits'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export type StageFilters = {
  type?: string;
  horaires?: string;
  filiere?: string;
  enseignant?: string;
  remplissage: Fill;
  passes: boolean;
  tri: SortKey;
  ordre: 'asc' | 'desc';
  mois?: string;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
// No control character or half a surrogate pair (?enseignant=%00 reached PostgreSQL: a 500, found by fuzzing).
const short = z
  .string()
  .max(200)
  .refine((v) => !/\p{Cc}|\p{Cs}/u.test(v));

/** Unknown or malformed values are ignored (a hand-edited URL never gives an error page). */
export function parseFilters(sp: SearchParams): StageFilters {
  const pick = (k: string) => {
    const v = one(sp[k]);
    return v && short.safeParse(v).success ? v : undefined;
  };
  const remplissage = pick('remplissage');
  const tri = pick('tri');
  const mois = pick('mois');
  return {
    type: pick('type'),
    horaires: pick('horaires'),
    filiere: pick('filiere'),
    enseignant: pick('enseignant'),
    remplissage: remplissage && remplissage in FILL_OPTIONS ? (remplissage as Fill) : 'tous',
    passes: pick('passes') === '1',
    tri: tri && (SORT_KEYS as readonly string[]).includes(tri) ? (tri as SortKey) : 'date',
    ordre: pick('ordre') === 'desc' ? 'desc' : 'asc',
    mois: mois && /^\d{4}-(0[1-9]|1[0-2])$/.test(mois) && isUsableDay(`${mois}-01`) ? mois : undefined,
  };
}

/** Query string of the filters (defaults left out), with overrides; '' when nothing is set. */
export function filtersQuery(f: StageFilters, overrides: Partial<Record<keyof StageFilters, string | boolean | undefined>> = {}): string {
  const merged: Record<string, string | boolean | undefined> = { ...f, ...overrides };
  const q = new URLSearchParams();
  for (const key of ['mois', 'type', 'horaires', 'filiere', 'enseignant', 'remplissage', 'passes', 'tri', 'ordre'] as const) {
    const v = merged[key];
    if (v === undefined || v === false || v === '') continue;
    if (key === 'remplissage' && v === 'tous') continue;
    if (key === 'tri' && v === 'date') continue;
    if (key === 'ordre' && v === 'asc') continue;
    q.set(key, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** How many filters narrow the result (for « 3 filtres actifs »). */
export function activeFilterCount(f: StageFilters): number {
  return [f.type, f.horaires, f.filiere, f.enseignant, f.remplissage !== 'tous' ? 'x' : undefined].filter(Boolean).length;
}
