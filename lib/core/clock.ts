// The application's one clock. Code asks `clock.now()` for the time, never `new Date()`.
// MINISTAGE_NOW (an ISO instant, e.g. 2026-12-07T09:00:00+01:00) sets where the clock of a server
// process starts — the end-to-end suite runs the app (and itself) on a chosen date; time then
// advances normally from there. Tests call setNow() instead. Refused in production (APP_ENV).
// In the browser the clock starts where the server's was when it rendered the page (the root
// layout writes <meta name="ministage-now"> only when the clock is shifted), so client-side
// validation agrees with the server's.
type ClockState = { offsetMs: number; frozenAt: number | null };

const g = globalThis as unknown as { __ministageClock?: ClockState };

function parseInstant(value: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`MINISTAGE_NOW n’est pas une date ISO valide : « ${value} » (exemple : 2026-12-07T09:00:00+01:00).`);
  return t;
}

export const CLOCK_META = 'ministage-now';

function configuredStart(): string | undefined {
  if (typeof window !== 'undefined') {
    return document.querySelector<HTMLMetaElement>(`meta[name="${CLOCK_META}"]`)?.content || undefined;
  }
  return typeof process !== 'undefined' ? process.env.MINISTAGE_NOW || undefined : undefined;
}

function state(): ClockState {
  if (!g.__ministageClock) {
    const start = configuredStart();
    if (start && typeof process !== 'undefined' && process.env.APP_ENV === 'production') {
      throw new Error('MINISTAGE_NOW est réservé aux tests : retirez-le en production (APP_ENV=production).');
    }
    g.__ministageClock = { offsetMs: start ? parseInstant(start) - Date.now() : 0, frozenAt: null };
  }
  return g.__ministageClock;
}

/** The current instant, as the application sees it. */
export function now(): Date {
  return new Date(nowMs());
}

/** The current instant in milliseconds since the epoch. */
export function nowMs(): number {
  const s = state();
  return s.frozenAt ?? Date.now() + s.offsetMs;
}

/**
 * Tests: moves the clock to `instant` (it keeps running from there), or stops it there with
 * `{ frozen: true }`; `setNow(null)` gives back the real time.
 */
export function setNow(instant: Date | string | null, options: { frozen?: boolean } = {}): void {
  const s = state();
  if (instant === null) {
    s.offsetMs = 0;
    s.frozenAt = null;
    return;
  }
  const t = typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
  s.frozenAt = options.frozen ? t : null;
  s.offsetMs = t - Date.now();
}

/** True when the clock does not follow the machine's (MINISTAGE_NOW or setNow). */
export function isClockShifted(): boolean {
  const s = state();
  return s.frozenAt !== null || s.offsetMs !== 0;
}
