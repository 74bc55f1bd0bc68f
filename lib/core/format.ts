// How the app writes days, hours, date-times, months, school years, durations and names: French
// (date-fns `fr`), always in Europe/Paris whatever the machine's time zone. Pure and isomorphic
// (server code, emails, client components, tests).
//
// Two kinds of dates, never mixed:
// - a calendar day 'YYYY-MM-DD' (`Day`): a stage's date, a birth date, a @db.Date column (UTC
//   midnight of that day: `dbDay(date)`); it has no time zone;
// - an instant (`Date`): createdAt, expiresAt, clock.now(); it is shown as Paris sees it
//   (`parisDay(instant)`, `formatDateTime(instant)`).
// The Paris wall clock comes from Intl (ICU's time zone database, in Node and every browser).
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import * as clock from './clock.ts';

const TIME_ZONE = 'Europe/Paris';

export type Day = string; // 'YYYY-MM-DD'
export type Month = string; // 'YYYY-MM'

// ───────────────────────────── the Paris clock ─────────────────────────────

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day and the minutes after midnight in Paris at that instant. */
export function parisClock(instant: Date = clock.now()): { day: Day; minutes: number } {
  const p: Record<string, string> = {};
  for (const part of PARIS.formatToParts(instant)) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The calendar day in Paris at that instant. */
export function parisDay(instant: Date = clock.now()): Day {
  return parisClock(instant).day;
}

/** A @db.Date value (UTC midnight of the day) → its day. */
export function dbDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/**
 * A Date whose local fields are that calendar day at noon, for date-fns' pattern letters. Noon:
 * no time zone skips or repeats noon, so the day is right whatever the machine's zone.
 */
function onDay(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d, 12);
  if (y < 100) date.setFullYear(y); // Date maps years 0–99 to 1900–1999
  return date;
}

// ───────────────────────────── days ─────────────────────────────

/** « mercredi 12 mars 2027 » */
export function formatDay(day: Day): string {
  return format(onDay(day), 'EEEE d MMMM yyyy', { locale: fr });
}

/** « 12 mars 2027 » */
export function formatDate(day: Day): string {
  return format(onDay(day), 'd MMMM yyyy', { locale: fr });
}

/** « mer. 12 mars » (calendar cells, short lists). */
export function formatShortDay(day: Day): string {
  return format(onDay(day), 'EEE d MMM', { locale: fr });
}

/** « mer. 12 mars 2027 » (tables). */
export function formatShortDate(day: Day): string {
  return format(onDay(day), 'EEE d MMM yyyy', { locale: fr });
}

/** « 12/03/2027 » (dense tables: birth dates). */
export function formatNumericDate(day: Day): string {
  return format(onDay(day), 'dd/MM/yyyy', { locale: fr });
}

/** '2027-03' → « mars 2027 ». */
export function formatMonth(month: Month): string {
  return format(onDay(`${month}-01`), 'MMMM yyyy', { locale: fr });
}

// ───────────────────────────── hours ─────────────────────────────

/** Minutes after midnight → « 9 h 05 ». */
export function formatTime(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** « 9 h 00 – 12 h 00 »; with 'à': « 9 h 00 à 12 h 00 » (inside a sentence). */
export function formatHours(startMinutes: number, endMinutes: number, joiner: '–' | 'à' = '–'): string {
  return `${formatTime(startMinutes)} ${joiner} ${formatTime(endMinutes)}`;
}

// ───────────────────────────── instants ─────────────────────────────

/** « mercredi 12 mars 2027 à 14 h 05 » (Paris); `{ weekday: false }`: « 12 mars 2027 à 14 h 05 ». */
export function formatDateTime(instant: Date, options: { weekday?: boolean } = {}): string {
  const { day, minutes } = parisClock(instant);
  return `${options.weekday === false ? formatDate(day) : formatDay(day)} à ${formatTime(minutes)}`;
}

// ───────────────────────────── school years ─────────────────────────────

/** The school year running at that instant in Paris (named by its rentrée, 1 September): 2027-06-30 → 2026. */
export function schoolYearOf(instant: Date = clock.now()): number {
  return schoolYearOfDay(parisDay(instant));
}

/** The school year a calendar day belongs to: 2026-09-01 → 2026, 2027-08-31 → 2026. */
export function schoolYearOfDay(day: Day): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** 2026 → « 2026-2027 » */
export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

// ───────────────────────────── durations ─────────────────────────────

/** A link's lifetime: « 5 minutes », « 1 heure », « 3 secondes », « 7 jours ». */
export function formatDuration(minutes: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (minutes < 1) return plural(Math.max(1, Math.round(minutes * 60)), 'seconde');
  if (minutes < 60) return plural(Math.round(minutes), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'heure');
  return plural(Math.round(minutes / (24 * 60)), 'jour');
}

// ───────────────────────────── names ─────────────────────────────

export type Person = { civility?: string | null; firstName?: string | null; lastName?: string | null; login?: string | null };

/**
 * « Claire Dupont »; `{ civility: true }`: « Mme Claire Dupont ». Missing parts are skipped; with no
 * name at all, `fallback` (default: the login, else '').
 */
export function displayName(person: Person | null | undefined, options: { civility?: boolean; fallback?: string } = {}): string {
  const parts = [options.civility ? person?.civility : null, person?.firstName, person?.lastName];
  return parts.filter(Boolean).join(' ') || (options.fallback ?? person?.login ?? '');
}

/** Lists sorted by surname: « DUPONT Claire »; with no name, `fallback`. */
export function listName(person: Pick<Person, 'firstName' | 'lastName'>, fallback: string): string {
  return [person.lastName?.toUpperCase(), person.firstName].filter(Boolean).join(' ') || fallback;
}
