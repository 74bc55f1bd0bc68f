// Reads that are the same for every visitor of a page — a platform's public calendar, list and stage
// pages as a visitor who is not signed in sees them (`stageReadsFor` in lib/stages/queries.ts) — kept
// for SHARED_READ_MS (default 1 s) by this process and given to every request in that window: a busy
// calendar costs one query per second and per page, not one per visitor.
//
// Nothing is invalidated and nothing needs to be: after at most one window every instance reads
// afresh, so a seat taken or a stage published on another instance shows within a second everywhere.
// Whoever is signed in (a platform's staff publishing, a collège enrolling) reads the database itself:
// their own change shows at once. SHARED_READ_MS=0 turns it off (the tests' setting).
//
// Held: at most SHARED_READ_ENTRIES answers (a key holds the URL's filters: made-up ones cannot fill
// the memory), expired ones let go within ten windows; a read still running is shared, its window starts
// with its answer; a failed read is not kept. The answers are shared: callers must not change them.
import { env } from './env.ts';

export const SHARED_READ_ENTRIES = 200;

type Entry = { until: number; value: Promise<unknown> };

/** One process's answers (a class so that a test can set its own window). */
export class SharedReads {
  private entries = new Map<string, Entry>();
  private sweptAt = -Infinity;

  constructor(
    private readonly windowMs: () => number = () => env.sharedReadMs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read<T>(key: readonly (string | number | boolean | null | undefined)[], load: () => Promise<T>): Promise<T> {
    const window = this.windowMs();
    if (window <= 0) return load();
    const k = JSON.stringify(key);
    const now = this.now();
    const hit = this.entries.get(k);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    if (hit) this.entries.delete(k);
    // Expired answers are let go within ten windows, not only when the map is full.
    if (this.entries.size >= SHARED_READ_ENTRIES || now - this.sweptAt > 10 * window) this.sweep(now);
    const value = load();
    // A read still running is shared whatever its length; the window starts when its answer comes.
    const entry: Entry = { until: Infinity, value };
    this.entries.set(k, entry);
    value.then(
      () => void (entry.until = this.now() + window),
      () => this.entries.get(k) === entry && this.entries.delete(k),
    );
    return value;
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

/** The answer of `load` shared with every request of the same `key` for SHARED_READ_MS. */
export const sharedRead = <T>(key: readonly (string | number | boolean | null | undefined)[], load: () => Promise<T>): Promise<T> => reads.read(key, load);
