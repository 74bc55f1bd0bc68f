// Calendar-day arithmetic, hours of an <input type="time"> and the Paris local time of a day+hour.
// Pure: usable by server code, the browser and tests. A stage's date is a calendar day 'YYYY-MM-DD'
// (a @db.Date column: UTC midnight of that day); its hours are minutes after midnight, Paris local time.
// Writing days, hours and the Paris clock: lib/core/format.ts (formatDay, formatHours, parisClock, dbDay…).
import * as core from '../core/format.ts';

export type Day = core.Day; // 'YYYY-MM-DD'

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'YYYY-MM-DD' → the @db.Date value (UTC midnight). */
export function dayToDb(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** True for a real calendar day written 'YYYY-MM-DD' (2026-02-30 is refused). */
export function isValidDay(day: string): boolean {
  if (!DAY_RE.test(day)) return false;
  const d = dayToDb(day);
  return !Number.isNaN(d.getTime()) && core.dbDay(d) === day;
}

/** Years a URL may ask for (calendar month, search dates): outside, the value is ignored. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** A real calendar day within MIN_YEAR–MAX_YEAR (PostgreSQL refuses year 0; Date.UTC maps years 0–99 to 1900–1999). */
export function isUsableDay(day: string): boolean {
  if (!isValidDay(day)) return false;
  const y = Number(day.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

export function addDays(day: Day, n: number): Day {
  const d = dayToDb(day);
  d.setUTCDate(d.getUTCDate() + n);
  return core.dbDay(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return dayToDb(day).getUTCDay();
}

/** '09:30' → 570. */
export function timeToMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) return Number.NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 570 → '09:30' (the value of an <input type="time">). */
export function minutesToTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const offsetCache = new Map<string, number>();

/** The instant of a Paris local time (handles summer time; the offset of each day+hour is cached). */
export function parisToUtc(day: Day, minutes: number): Date {
  const key = `${day}:${minutes}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return new Date(cached);
  const t = computeParisToUtc(day, minutes);
  if (offsetCache.size > 5000) offsetCache.clear();
  offsetCache.set(key, t.getTime());
  return t;
}

function computeParisToUtc(day: Day, minutes: number): Date {
  const guess = Date.UTC(
    ...(day
      .split('-')
      .map(Number)
      .map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number]),
    0,
    minutes,
  );
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const c = core.parisClock(new Date(t));
    const shown = Date.UTC(
      ...(c.day
        .split('-')
        .map(Number)
        .map((v, j) => (j === 1 ? v - 1 : v)) as [number, number, number]),
      0,
      c.minutes,
    );
    t += guess - shown;
  }
  return new Date(t);
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** First day of the school year containing that day (1 September). */
export function schoolYearStart(day: Day): Day {
  const y = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? `${y}-09-01` : `${y - 1}-09-01`;
}
