// Reads that are the same for whoever asks — a platform's calendar, list, stage page and dashboard
// figures (`stageReads` in lib/stages/queries.ts, lib/stages/dashboard.ts) — kept for SHARED_READ_MS
// (default 1 s) by this process and given to every request in that window: a busy page costs one
// query per second, not one per visitor. Only what does not depend on the viewer goes through here
// (a stage's enrolled pupils, a person's own rows are read per request).
//
// Each answer belongs to a scope, its platform's id. A signed-in person's server action that succeeded
// (lib/core/action.ts) lets go of its platform's answers — of every answer when it ran on the portal —
// so this process shows the change at once; refused and anonymous actions let go of nothing. Their
// browser then carries the « just acted » cookie for a few seconds (lib/core/acted.ts): while a
// signed-in person carries it, their pages ask for `fresh` reads (freshReads in lib/core/session.ts)
// and read the database — another process, which may hold an older answer, shows them their change
// too; the same cookie sent by a stranger counts for nothing. Anyone else sees a change within one window after the answer that preceded it (a background
// job's, another process's). SHARED_READ_MS=0 turns it off (the tests' setting).
//
// Held: at most SHARED_READ_ENTRIES answers (a key holds the URL's filters: made-up ones cannot fill
// the memory), expired ones let go within ten windows; a read still running is shared, its window starts
// with its answer; a failed read is not kept, nor one that was running when its scope changed. The
// answers are shared: callers must not change them.
import { env } from './env.ts';

export const SHARED_READ_ENTRIES = 200;

type Entry = { scope: string; until: number; value: Promise<unknown> };

/** One process's answers (a class so that a test can set its own window). */
export class SharedReads {
  private entries = new Map<string, Entry>();
  private sweptAt = -Infinity;

  constructor(
    private readonly windowMs: () => number = () => env.sharedReadMs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read<T>(scope: string, key: readonly (string | number | boolean | null | undefined)[], load: () => Promise<T>): Promise<T> {
    const window = this.windowMs();
    if (window <= 0) return load();
    const k = JSON.stringify([scope, ...key]);
    const now = this.now();
    const hit = this.entries.get(k);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    if (hit) this.entries.delete(k);
    // Expired answers are let go within ten windows, not only when the map is full.
    if (this.entries.size >= SHARED_READ_ENTRIES || now - this.sweptAt > 10 * window) this.sweep(now);
    const value = load();
    // A read still running is shared whatever its length; the window starts when its answer comes.
    const entry: Entry = { scope, until: Infinity, value };
    this.entries.set(k, entry);
    value.then(
      () => void (entry.until = this.now() + window),
      () => this.entries.get(k) === entry && this.entries.delete(k),
    );
    return value;
  }

  /**
   * Something of `scope` changed (a platform's id; none: anything, anywhere): its answers are let go,
   * those still being read too (begun before the change, they may not show it).
   */
  changed(scope?: string): void {
    if (scope === undefined) return this.entries.clear();
    for (const [k, e] of this.entries) if (e.scope === scope) this.entries.delete(k);
  }

  /** How many answers are held (tests). */
  get size(): number {
    return this.entries.size;
  }

  // The expired ones first; still full, the oldest half (a Map keeps the order of insertion).
  private sweep(now: number) {
    this.sweptAt = now;
    for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
    if (this.entries.size < SHARED_READ_ENTRIES) return;
    let drop = Math.ceil(this.entries.size / 2);
    for (const k of this.entries.keys()) {
      if (drop-- <= 0) break;
      this.entries.delete(k);
    }
  }
}

const reads = new SharedReads();

/**
 * The answer of `load` shared with every request of the same `scope` and `key` for SHARED_READ_MS;
 * `fresh` (a signed-in person who acted a moment ago: freshReads in lib/core/session.ts) reads the
 * database, whichever process serves them.
 */
export function sharedRead<T>(scope: string, key: readonly (string | number | boolean | null | undefined)[], load: () => Promise<T>, fresh = false): Promise<T> {
  return fresh ? load() : reads.read(scope, key, load);
}

/** A platform's data changed (`siteId`), or anything (none): this process reads it again (lib/core/action.ts). */
export const sharedReadsChanged = (siteId?: string): void => reads.changed(siteId);
