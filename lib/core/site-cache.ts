// The platforms, held in this process's memory: every platform request needs its Site row (from the
// Host), its header and its calendar facts, and they change a few times a year. Nothing here is
// needed by another instance: each process keeps its own copy and checks that it is current.
//
// Current: at most SITE_CACHE_MS (default 1 s) after a change made by another instance, at once after a
// change made by this one (`sitesChanged()`, called after the commit). The check is one query — a
// fingerprint of the columns held (Site, SiteDomain, the lycée's département and zone) — sent at most
// once per window whatever the traffic; a changed fingerprint empties the copy. SITE_CACHE_MS=0 checks
// on every lookup (the tests' setting).
import { prisma } from './db.ts';
import { env } from './env.ts';
/** « A » | « B » | « C » (lib/reference/academies.ts), null overseas. */
type HolidayZone = 'A' | 'B' | 'C';

/** What a platform page needs of its platform, whatever the host it was reached by. */
export type SiteRecord = {
  id: string;
  name: string;
  slug: string;
  establishmentId: string;
  active: boolean;
  logoUrl: string | null;
  /** The lycée's school-holiday zone (from its académie) and its département (Alsace-Moselle's holidays). */
  holidayZone: HolidayZone | null;
  departmentCode: string | null;
};

type Row = SiteRecord & { holidayZone: string | null };

const SELECT_SITE = `
  SELECT s.id, s.name, s.slug, s."establishmentId", s.active, s."logoUrl",
         a."holidayZone", e."departmentCode"
  FROM "Site" s
  JOIN "Establishment" e ON e.id = s."establishmentId"
  LEFT JOIN "Academy" a ON a.code = e."academyCode"`;

// Exactly what the copy holds, so that any change of it changes the fingerprint (whatever wrote it).
const FINGERPRINT = `
  SELECT concat_ws(':',
    (SELECT md5(string_agg(concat_ws('|', s.id, s.name, s.slug, s."establishmentId", s.active, s."logoUrl", a."holidayZone", e."departmentCode"), ',' ORDER BY s.id))
       FROM "Site" s JOIN "Establishment" e ON e.id = s."establishmentId" LEFT JOIN "Academy" a ON a.code = e."academyCode"),
    (SELECT md5(string_agg(concat_ws('=', "siteId", host), ',' ORDER BY host)) FROM "SiteDomain")) AS v`;

/** At most this many lookups held: any Host header reaches the lookup, so unknown ones must not fill the memory. */
export const SITE_CACHE_ENTRIES = 1000;

/** One process's copy (a class so that a test can hold two, as two instances would). */
export class SiteCache {
  private byKey = new Map<string, Promise<SiteRecord | null>>();
  private version: string | null = null;
  private checkedAt = -Infinity;
  private checking: Promise<void> | null = null;
  private generation = 0;

  constructor(
    private readonly db: Pick<typeof prisma, '$queryRawUnsafe'> = prisma,
    private readonly windowMs: () => number = () => env.siteCacheMs,
  ) {}

  /** The platform a subdomain's slug names (active or not: the caller decides). */
  bySlug(slug: string): Promise<SiteRecord | null> {
    return this.get(`slug:${slug}`, `${SELECT_SITE} WHERE s.slug = $1`, slug);
  }

  /** The platform a custom domain belongs to. */
  byDomain(host: string): Promise<SiteRecord | null> {
    return this.get(`domain:${host}`, `${SELECT_SITE} JOIN "SiteDomain" d ON d."siteId" = s.id WHERE d.host = $1`, host);
  }

  byId(id: string): Promise<SiteRecord | null> {
    return this.get(`id:${id}`, `${SELECT_SITE} WHERE s.id = $1`, id);
  }

  /** How many lookups are held (tests). */
  get size(): number {
    return this.byKey.size;
  }

  /** This instance changed a platform (after the commit): the next lookup checks the fingerprint. */
  changed(): void {
    this.generation++;
    this.checkedAt = -Infinity;
  }

  private async get(key: string, sql: string, arg: string): Promise<SiteRecord | null> {
    await this.current();
    let hit = this.byKey.get(key);
    if (!hit) {
      if (this.byKey.size >= SITE_CACHE_ENTRIES) this.byKey.clear();
      hit = this.db.$queryRawUnsafe<Row[]>(sql, arg).then((rows) => rows[0] ?? null);
      this.byKey.set(key, hit);
      // A failed read (database away) is not remembered.
      hit.catch(() => this.byKey.get(key) === hit && this.byKey.delete(key));
    }
    return hit;
  }

  private current(): Promise<void> {
    if (performance.now() - this.checkedAt < this.windowMs()) return Promise.resolve();
    this.checking ??= (async () => {
      try {
        const startedAt = performance.now();
        const generation = this.generation;
        const [row] = await this.db.$queryRawUnsafe<{ v: string }[]>(FINGERPRINT);
        if (row?.v !== this.version) {
          this.byKey.clear();
          this.version = row?.v ?? null;
        }
        // A change of this instance's during the read: check again at the next lookup.
        if (generation === this.generation) this.checkedAt = startedAt;
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }
}

const cache = new SiteCache();

export const siteBySlug = (slug: string) => cache.bySlug(slug);
export const siteByDomain = (host: string) => cache.byDomain(host);
export const siteById = (id: string) => cache.byId(id);

/** Call after a transaction that changed a Site, a SiteDomain or a lycée's Establishment row committed. */
export function sitesChanged(): void {
  cache.changed();
}
