// Small helpers shared by the accounts services: the platform's name, establishment labels, timing floors.
// Durations, names and date-times: lib/core/format.ts (formatDuration, displayName, formatDateTime).
import { env } from '../core/env.ts';

export const platformName = () => env.appName;

/** « Collège Georges Brassens (Le Rheu) » */
export function establishmentLabel(e: { name: string; city?: string | null }): string {
  return e.city ? `${e.name} (${e.city})` : e.name;
}

/** Minimum time of the answers that must not reveal whether an account exists. */
const ANSWER_FLOOR_MS = 400;

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
