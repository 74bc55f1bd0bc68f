// The platforms held in each process's memory (lib/core/site-cache.ts): two copies on one database
// behave as two app instances would — a change made through one, or straight in the database, is seen
// by the other at its next check, and the traffic between checks sends no query at all.
import { useTestDb } from '../helpers/db';
import { makeSite, type TestSite } from '../factories/sites';
import { SITE_CACHE_ENTRIES, SiteCache } from '@/lib/core/site-cache';
import { findSiteByHost } from '@/lib/core/actor';
import { siteHeader } from '@/lib/sites/queries';
import { siteCalendarInfo } from '@/lib/stages/queries';

const db = useTestDb();
let demo: TestSite;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V', departmentCode: '035' });
});

/** A copy of the platforms over the test database that counts its statements; `window` is set by the test. */
function instance() {
  const counter = { queries: 0, failNext: false, window: Infinity };
  const p = db().prisma;
  const cache = new SiteCache(
    {
      $queryRawUnsafe: ((sql: string, ...args: unknown[]) => {
        counter.queries++;
        if (counter.failNext) {
          counter.failNext = false;
          return Promise.reject(new Error('connexion perdue'));
        }
        return p.$queryRawUnsafe(sql, ...args);
      }) as typeof p.$queryRawUnsafe,
    },
    () => counter.window,
  );
  return { cache, counter };
}

test('between two checks, a thousand lookups send two statements in all (the fingerprint, then the row)', async () => {
  const { cache, counter } = instance();
  const sites = await Promise.all(Array.from({ length: 1000 }, () => cache.bySlug('demo')));
  expect(new Set(sites.map((s) => s?.id))).toEqual(new Set([demo.site.id]));
  expect(counter.queries).toBe(2);
  await cache.byId(demo.site.id);
  expect(counter.queries).toBe(3); // another key: its row once
  await cache.byId(demo.site.id);
  expect(counter.queries).toBe(3);
});

test('what a platform page needs: name, logo, zone and département, whichever way it is looked up', async () => {
  const { cache } = instance();
  await db().prisma.site.update({ where: { id: demo.site.id }, data: { logoUrl: 'https://lycee.example/logo.png' } });
  const bySlug = await cache.bySlug('demo');
  expect(bySlug).toMatchObject({ id: demo.site.id, slug: 'demo', active: true, logoUrl: 'https://lycee.example/logo.png', departmentCode: '035' });
  expect(await cache.byId(demo.site.id)).toEqual(bySlug);
  expect(await cache.bySlug('nulle-part')).toBeNull();
  expect(await cache.byId('inconnu')).toBeNull();
});

test('a change made by another instance is seen at the next check: name, closing, a domain added or moved', async () => {
  const a = instance();
  const b = instance();
  expect((await a.cache.bySlug('demo'))?.name).toBe((await b.cache.bySlug('demo'))?.name);

  // Instance B's operator renames the platform (straight in the database, as another process would).
  await db().prisma.site.update({ where: { id: demo.site.id }, data: { name: 'Lycée renommé' } });
  b.cache.changed(); // B knows at once: it made the change
  expect((await b.cache.bySlug('demo'))?.name).toBe('Lycée renommé');
  // A trusts its copy until its window ends (then checks).
  expect((await a.cache.bySlug('demo'))?.name).not.toBe('Lycée renommé');
  a.counter.window = 0;
  expect((await a.cache.bySlug('demo'))?.name).toBe('Lycée renommé');

  await db().prisma.site.update({ where: { id: demo.site.id }, data: { active: false } });
  expect((await a.cache.bySlug('demo'))?.active).toBe(false);
  await db().prisma.site.update({ where: { id: demo.site.id }, data: { active: true } });

  // A custom domain: unknown, then added to demo, then moved to another platform.
  expect(await a.cache.byDomain('ministage.lycee-demo.fr')).toBeNull();
  await db().prisma.siteDomain.create({ data: { siteId: demo.site.id, host: 'ministage.lycee-demo.fr' } });
  expect((await a.cache.byDomain('ministage.lycee-demo.fr'))?.id).toBe(demo.site.id);
  const other = await makeSite(db().prisma, { slug: 'autre', uai: '0350709F' });
  await db().prisma.siteDomain.update({ where: { host: 'ministage.lycee-demo.fr' }, data: { siteId: other.site.id } });
  expect((await a.cache.byDomain('ministage.lycee-demo.fr'))?.id).toBe(other.site.id);
  await db().prisma.siteDomain.delete({ where: { host: 'ministage.lycee-demo.fr' } });
  expect(await a.cache.byDomain('ministage.lycee-demo.fr')).toBeNull();
});

test('the lycée’s académie or département changed (an annuaire import) changes the holiday facts', async () => {
  const a = instance();
  a.counter.window = 0;
  expect((await a.cache.byId(demo.site.id))?.departmentCode).toBe('035');
  await db().prisma.$executeRawUnsafe(`UPDATE "Establishment" SET "departmentCode" = '067' WHERE id = $1`, demo.lycee.id);
  expect((await a.cache.byId(demo.site.id))?.departmentCode).toBe('067'); // written without Prisma: still seen
  await db().prisma.$executeRawUnsafe(`UPDATE "Establishment" SET "departmentCode" = '035' WHERE id = $1`, demo.lycee.id);
});

test('a stranger sending thousands of made-up hosts cannot fill the memory: the copy holds at most SITE_CACHE_ENTRIES lookups', async () => {
  const { cache } = instance();
  for (let i = 0; i < SITE_CACHE_ENTRIES + 250; i++) expect(await cache.byDomain(`inconnu-${i}.example.fr`)).toBeNull();
  expect(cache.size).toBeLessThanOrEqual(SITE_CACHE_ENTRIES);
  expect((await cache.bySlug('demo'))?.id).toBe(demo.site.id);
});

test('a failed read (the database away) is not remembered', async () => {
  const a = instance();
  a.counter.window = 0;
  await a.cache.bySlug('demo'); // fingerprint known
  a.counter.failNext = true;
  await expect(a.cache.bySlug('demo')).rejects.toThrow('connexion perdue');
  expect((await a.cache.bySlug('demo'))?.id).toBe(demo.site.id);
});

test('the app’s own lookups go through the copy and follow a change at once (the tests check at every lookup)', async () => {
  expect((await findSiteByHost('demo.localhost'))?.id).toBe(demo.site.id);
  await db().prisma.site.update({ where: { id: demo.site.id }, data: { name: 'Lycée des métiers Démo', active: false } });
  expect(await findSiteByHost('demo.localhost')).toBeNull(); // closed: no platform there
  await db().prisma.site.update({ where: { id: demo.site.id }, data: { active: true } });
  expect(await siteHeader(demo.site.id)).toEqual({ name: 'Lycée des métiers Démo', logoUrl: 'https://lycee.example/logo.png' });
  expect(await siteCalendarInfo(demo.site.id)).toEqual({ zone: expect.anything(), alsace: false });
});
