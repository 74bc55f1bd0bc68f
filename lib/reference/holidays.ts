// Public holidays (jours fériés, metropolitan France) and school holidays (vacances scolaires)
// per zone A/B/C. Dates are calendar days 'YYYY-MM-DD'; a Date is read as a UTC calendar date
// (`toISOString().slice(0, 10)`), the way `@db.Date` columns come back from Prisma.
import joursFeries from '@socialgouv/jours-feries';
import type { HolidayZone } from './academies.ts';

export type CalendarDay = string; // 'YYYY-MM-DD'
export type PublicHoliday = { date: CalendarDay; name: string };
type SchoolHolidayName = 'Vacances de la Toussaint' | 'Vacances de Noël' | "Vacances d'hiver" | 'Vacances de printemps' | "Pont de l'Ascension" | "Vacances d'été";
/** `start`: the day classes end (holidays begin after class); `end`: the day before classes resume. */
export type SchoolHoliday = { name: SchoolHolidayName; start: CalendarDay; end: CalendarDay };

/** 'YYYY-MM-DD' of a Date (its UTC calendar day) or of an ISO string. */
export function calendarDay(date: Date | string): CalendarDay {
  if (typeof date === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}/.test(date)) throw new Error(`Date invalide : « ${date} »`);
    return date.slice(0, 10);
  }
  if (Number.isNaN(date.getTime())) throw new Error('Date invalide');
  return date.toISOString().slice(0, 10);
}

function addDays(day: CalendarDay, n: number): CalendarDay {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ───────────── Jours fériés ─────────────

/**
 * The package builds local-midnight Dates and adds days in milliseconds, so a DST change may move
 * them to 23:00 the day before or 01:00: the local calendar day of (that time + 12 h) is right.
 */
function localDay(d: Date): CalendarDay {
  const noon = new Date(d.getTime() + 12 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${noon.getFullYear()}-${pad(noon.getMonth() + 1)}-${pad(noon.getDate())}`;
}

const cache = new Map<string, PublicHoliday[]>();

/** The 11 jours fériés of metropolitan France (13 with `alsace: true`), sorted by date. */
export function publicHolidays(year: number, options: { alsace?: boolean } = {}): PublicHoliday[] {
  const key = `${year}:${options.alsace ? 'alsace' : 'metro'}`;
  let list = cache.get(key);
  if (!list) {
    list = Object.entries(joursFeries(year, { alsace: options.alsace ?? false }))
      .map(([name, date]) => ({ date: localDay(date), name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    cache.set(key, list);
  }
  return list.map((h) => ({ ...h }));
}

/** The name of the jour férié on that day ("Lundi de Pâques"), or null. */
export function publicHolidayName(date: Date | string, options: { alsace?: boolean } = {}): string | null {
  const day = calendarDay(date);
  return publicHolidays(Number(day.slice(0, 4)), options).find((h) => h.date === day)?.name ?? null;
}

export function isPublicHoliday(date: Date | string, options: { alsace?: boolean } = {}): boolean {
  return publicHolidayName(date, options) !== null;
}

export function isSunday(date: Date | string): boolean {
  return new Date(`${calendarDay(date)}T00:00:00Z`).getUTCDay() === 0;
}

// ───────────── Vacances scolaires ─────────────
// As the arrêtés publish them: `after` = « fin des cours » (after class that day),
// `resume` = « reprise des cours » (morning of that day). `zones` omitted = the three zones.
// Corse and the overseas académies set their own calendars: not covered here.
type Period = { name: SchoolHolidayName; after: CalendarDay; resume: CalendarDay; zones?: readonly HolidayZone[] };
const all = (name: SchoolHolidayName, after: CalendarDay, resume: CalendarDay): Period => ({ name, after, resume });
const zoned = (name: SchoolHolidayName, byZone: Record<HolidayZone, [CalendarDay, CalendarDay]>): Period[] =>
  (Object.entries(byZone) as [HolidayZone, [CalendarDay, CalendarDay]][]).map(([zone, [after, resume]]) => ({
    name,
    after,
    resume,
    zones: [zone],
  }));

const PERIODS: readonly Period[] = [
  // 2024-2025 (arrêté du 7 décembre 2022): summer until the rentrée of Monday 1 September 2025.
  all("Vacances d'été", '2025-07-05', '2025-09-01'),
  // 2025-2026 (arrêté du 7 décembre 2022, JO du 8 décembre 2022). Checked against several
  // publications of the official calendar.
  all('Vacances de la Toussaint', '2025-10-18', '2025-11-03'),
  all('Vacances de Noël', '2025-12-20', '2026-01-05'),
  ...zoned("Vacances d'hiver", { A: ['2026-02-07', '2026-02-23'], B: ['2026-02-14', '2026-03-02'], C: ['2026-02-21', '2026-03-09'] }),
  ...zoned('Vacances de printemps', { A: ['2026-04-04', '2026-04-20'], B: ['2026-04-11', '2026-04-27'], C: ['2026-04-18', '2026-05-04'] }),
  all("Pont de l'Ascension", '2026-05-13', '2026-05-18'), // no class Friday 15 and Saturday 16 May 2026
  all("Vacances d'été", '2026-07-04', '2026-09-01'), // rentrée 2026: Tuesday 1 September
  // 2026-2027: from the projet d'arrêté examined by the Conseil supérieur de l'éducation on
  // 1 October 2025 (single-year calendar); the final text published at the JO was not read here.
  all('Vacances de la Toussaint', '2026-10-17', '2026-11-02'),
  all('Vacances de Noël', '2026-12-19', '2027-01-04'),
  ...zoned("Vacances d'hiver", { A: ['2027-02-13', '2027-03-01'], B: ['2027-02-20', '2027-03-08'], C: ['2027-02-06', '2027-02-22'] }),
  ...zoned('Vacances de printemps', { A: ['2027-04-10', '2027-04-26'], B: ['2027-04-17', '2027-05-03'], C: ['2027-04-03', '2027-04-19'] }),
  all("Pont de l'Ascension", '2027-05-05', '2027-05-10'), // Thursday 6 to Sunday 9 May 2027
  // Classes end Saturday 3 July 2027. The rentrée 2027 date is NOT confirmed (2027-2028 calendar
  // not published when this table was written): 1 September 2027 assumed.
  all("Vacances d'été", '2027-07-03', '2027-09-01'),
  // 2027-2028: not published yet (the ministry moved to single-year calendars). Add it here.
];

/** Last day the table above covers: beyond it schoolHolidayOn() knows nothing. */
const SCHOOL_CALENDAR_KNOWN_UNTIL: CalendarDay = '2027-08-31';

export function isSchoolCalendarKnown(date: Date | string): boolean {
  const day = calendarDay(date);
  return day >= '2025-07-05' && day <= SCHOOL_CALENDAR_KNOWN_UNTIL;
}

function toHoliday(p: Period): SchoolHoliday {
  // Ascension: the published dates already are the first and last days off.
  if (p.name === "Pont de l'Ascension") return { name: p.name, start: addDays(p.after, 1), end: addDays(p.resume, -1) };
  return { name: p.name, start: p.after, end: addDays(p.resume, -1) };
}

/** Every school-holiday period of a zone, in date order. */
export function schoolHolidays(zone: HolidayZone): SchoolHoliday[] {
  return PERIODS.filter((p) => !p.zones || p.zones.includes(zone)).map(toHoliday);
}

/** The school-holiday period of `zone` containing that day, or null (null zone: Corse/overseas). */
export function schoolHolidayOn(date: Date | string, zone: HolidayZone | null): SchoolHoliday | null {
  if (!zone) return null;
  const day = calendarDay(date);
  return schoolHolidays(zone).find((h) => h.start <= day && day <= h.end) ?? null;
}
