// The enrolment rules that need no database: is the stage open, is it for this pupil's level, do
// two stages overlap, how many seats a collège may still take (fair share). Pure, unit-tested.
import { addDays, type Day } from '../stages/time.ts';

type StageLike = { status: 'PUBLISHED' | 'CANCELLED'; date: Day; startMinutes: number; endMinutes: number };

/** Why the stage takes no enrolment now, or null. */
export function stageClosedReason(stage: StageLike, now: { day: Day; minutes: number }): string | null {
  if (stage.status === 'CANCELLED') return 'Ce stage est annulé : il ne prend plus d’inscription.';
  if (stage.date < now.day) return 'Ce stage a déjà eu lieu : il ne prend plus d’inscription.';
  if (stage.date === now.day && stage.startMinutes <= now.minutes) return 'Ce stage a déjà commencé : il ne prend plus d’inscription.';
  return null;
}

/** The stage audiences (« Public ») a collège level belongs to. */
const AUDIENCE_OF_LEVEL: Record<string, readonly string[]> = {
  '4e': ['4e'],
  '3e': ['3e'],
  '3e prépa-métiers': ['3e'],
  SEGPA: ['3e SEGPA'],
  ULIS: ['4e', '3e'],
  UPE2A: ['4e', '3e'],
  '2nde': ['2nde'],
};

/** The stage audiences pupils of these levels may take (a stage without « Public » is open to all, besides). */
export function audiencesOf(levels: readonly (string | null)[]): string[] {
  return [...new Set(levels.flatMap((l) => (l ? (AUDIENCE_OF_LEVEL[l] ?? []) : [])))];
}

/** Why a pupil of this level may not take this stage, or null (a stage without « Public » is open to all). */
export function audienceRefusal(audience: readonly string[], level: string | null): string | null {
  if (audience.length === 0) return null;
  if (!level) return `Ce stage est réservé aux élèves de ${audience.join(', ')} : indiquez d’abord la classe de l’élève.`;
  if ((AUDIENCE_OF_LEVEL[level] ?? []).some((a) => audience.includes(a))) return null;
  return `Ce stage est réservé aux élèves de ${audience.join(', ')} (niveau de l’élève : ${level}).`;
}

/** Same day and the hours cross (a stage ending at 12 h and one starting at 12 h do not). */
export function overlaps(a: Omit<StageLike, 'status'>, b: Omit<StageLike, 'status'>): boolean {
  return a.date === b.date && a.startMinutes < b.endMinutes && b.startMinutes < a.endMinutes;
}

export type FairShare = { seats: number | null; days: number | null };

/** The day the fair-share cap lifts: `days` days before the stage. */
export const fairShareLiftsOn = (stageDate: Day, days: number): Day => addDays(stageDate, -days);

/**
 * How many more seats a collège may take in a stage under the platform's fair share, or null when
 * no cap holds (none set, or the stage is `days` days away or closer).
 */
export function fairShareLeft(share: FairShare, stageDate: Day, today: Day, takenByCollege: number): number | null {
  if (share.seats == null || share.days == null) return null;
  if (today >= fairShareLiftsOn(stageDate, share.days)) return null;
  return Math.max(0, share.seats - takenByCollege);
}
