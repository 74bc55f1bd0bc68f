// Small helpers shared by the accounts services: names, durations, audit rows, timing floors.
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';

export const platformName = () => env.appName;

/** « 5 minutes », « 1 heure », « 3 secondes », « 7 jours ». */
export function formatValidity(minutes: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (minutes < 1) return plural(Math.max(1, Math.round(minutes * 60)), 'seconde');
  if (minutes < 60) return plural(Math.round(minutes), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'heure');
  return plural(Math.round(minutes / (24 * 60)), 'jour');
}

/** « Mme Claire Dupont » (civility and names as stored; falls back to the login). */
export function personName(u: { civility?: string | null; firstName?: string | null; lastName?: string | null; login: string }): string {
  return [u.civility, u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;
}

/** « Collège Georges Brassens (Le Rheu) » */
export function establishmentLabel(e: { name: string; city?: string | null }): string {
  return e.city ? `${e.name} (${e.city})` : e.name;
}


/** Minimum time of the answers that must not reveal whether an account exists. */
export const ANSWER_FLOOR_MS = 400;

/**
 * Runs `fn` and answers no sooner than `ms` after the start, so that the work done for an existing
 * account (token, email rendering) cannot be told from the nothing done for an unknown address.
 */
export async function withTimingFloor<T>(fn: () => Promise<T>, ms = ANSWER_FLOOR_MS): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    const left = ms - (Date.now() - started);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  }
}

/** « mercredi 12 mars 2027 à 9 h 05 » */
export function formatDateTime(d: Date): string {
  return format(d, "EEEE d MMMM yyyy 'à' H 'h' mm", { locale: fr });
}
