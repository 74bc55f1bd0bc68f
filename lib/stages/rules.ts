// Publication rules of a mini-stage (pupils under 15: at most 7 h a day, never before 6:00 or after
// 20:00, no Sunday or public holiday). Pure: the form's zod schema, the server and the duplication
// of a stage to other days all read them from here.
import { isPublicHoliday, publicHolidayName, schoolHolidayOn } from '../reference/holidays.ts';
import type { HolidayZone } from '../reference/academies.ts';
import { isValidDay, weekday, type Day } from './time.ts';
import { formatDay, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';

const EARLIEST_START = 6 * 60;
const LATEST_END = 20 * 60;
const MAX_DURATION = 7 * 60;
export const MAX_CAPACITY = 60;

export const RULE_MESSAGES = {
  dateInvalid: 'Indiquez la date du stage (jour, mois, année).',
  sunday: 'Un stage ne peut pas avoir lieu un dimanche. Choisissez un autre jour.',
  holiday: (name: string) => `Ce jour est férié (${name}) : un stage ne peut pas avoir lieu ce jour-là. Choisissez un autre jour.`,
  past: 'Cette date est passée. Choisissez une date à venir.',
  startedToday: "L'heure de début est déjà passée aujourd'hui. Choisissez une heure à venir ou un autre jour.",
  timeInvalid: "Indiquez l'heure au format hh:mm (par exemple 09:00).",
  endAfterStart: "L'heure de fin doit être après l'heure de début.",
  tooLong: 'Un stage dure au plus 7 heures dans la journée. Raccourcissez les horaires.',
  tooEarly: 'Un stage ne peut pas commencer avant 6 h 00.',
  tooLate: 'Un stage doit se terminer au plus tard à 20 h 00.',
  capacityMin: 'La capacité est d’au moins 1 place.',
  capacityMax: `La capacité est d’au plus ${MAX_CAPACITY} places.`,
  capacityInteger: 'Indiquez un nombre entier de places.',
} as const;

export type RuleIssue = { field: 'date' | 'startTime' | 'endTime' | 'capacity'; message: string };

export type StageTiming = { date: Day; startMinutes: number; endMinutes: number };

/** Why this day cannot host a stage (Sunday, public holiday, past), or null. */
function dayIssue(date: Day, opts: { today: Day; alsace?: boolean }): string | null {
  if (!isValidDay(date)) return RULE_MESSAGES.dateInvalid;
  if (weekday(date) === 0) return RULE_MESSAGES.sunday;
  if (isPublicHoliday(date, { alsace: opts.alsace })) return RULE_MESSAGES.holiday(publicHolidayName(date, { alsace: opts.alsace }) ?? 'jour férié');
  if (date < opts.today) return RULE_MESSAGES.past;
  return null;
}

/** Every rule a stage's date, hours and capacity break (empty: it may be published). */
export function checkStageRules(input: StageTiming & { capacity?: number }, opts: { now?: Date; alsace?: boolean } = {}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const paris = parisClock(opts.now ?? clock.now());
  const { date, startMinutes: start, endMinutes: end } = input;
  const day = dayIssue(date, { today: paris.day, alsace: opts.alsace });
  if (day) issues.push({ field: 'date', message: day });
  const timesKnown = Number.isFinite(start) && Number.isFinite(end);
  if (!Number.isFinite(start)) issues.push({ field: 'startTime', message: RULE_MESSAGES.timeInvalid });
  if (!Number.isFinite(end)) issues.push({ field: 'endTime', message: RULE_MESSAGES.timeInvalid });
  if (timesKnown) {
    if (start < EARLIEST_START) issues.push({ field: 'startTime', message: RULE_MESSAGES.tooEarly });
    else if (!day && date === paris.day && start <= paris.minutes) issues.push({ field: 'startTime', message: RULE_MESSAGES.startedToday });
    if (end > LATEST_END) issues.push({ field: 'endTime', message: RULE_MESSAGES.tooLate });
    if (end <= start) issues.push({ field: 'endTime', message: RULE_MESSAGES.endAfterStart });
    else if (end - start > MAX_DURATION) issues.push({ field: 'endTime', message: RULE_MESSAGES.tooLong });
  }
  if (input.capacity !== undefined) {
    if (!Number.isInteger(input.capacity)) issues.push({ field: 'capacity', message: RULE_MESSAGES.capacityInteger });
    else if (input.capacity < 1) issues.push({ field: 'capacity', message: RULE_MESSAGES.capacityMin });
    else if (input.capacity > MAX_CAPACITY) issues.push({ field: 'capacity', message: RULE_MESSAGES.capacityMax });
  }
  return issues;
}

/** A warning (not a refusal) when the day falls in the lycée's school holidays. */
export function holidayWarning(date: Day, zone: HolidayZone | null): string | null {
  if (!isValidDay(date)) return null;
  const h = schoolHolidayOn(date, zone);
  if (!h) return null;
  return `Attention : le ${formatDay(date)} tombe pendant les vacances scolaires (${h.name}, zone ${zone}). Les collégiens sont en congé ; vérifiez que c’est voulu.`;
}

/** Alsace-Moselle keeps two more public holidays (Vendredi saint, 26 décembre). */
export function isAlsaceMoselle(departmentCode: string | null | undefined): boolean {
  return departmentCode === '057' || departmentCode === '067' || departmentCode === '068';
}
