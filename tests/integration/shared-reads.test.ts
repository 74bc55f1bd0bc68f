// A platform's public pages as a visitor who is not signed in sees them: the calendar, the list and a
// stage's page share one read per second and per page (lib/core/shared-reads.ts) — a second visitor in
// that window costs no query — while a signed-in person reads the database at each request.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import CalendarPage from '@/app/sites/[host]/calendrier/page';
import ListPage from '@/app/sites/[host]/liste/page';
import StagePage from '@/app/sites/[host]/stages/[id]/page';
import { makeSite, makeStage, NOW, stageDay, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { SHARED_READ_ENTRIES, SharedReads } from '@/lib/core/shared-reads';
import { monthOf } from '@/lib/stages/time';

describe('SharedReads (one process’s answers)', () => {
  let t = 0;
  const reads = new SharedReads(
    () => 1000,
    () => t,
  );

  it('gives the same answer to every read of a key within the window, then reads again', async () => {
    let loads = 0;
    const load = async () => ++loads;
    t = 0;
    expect(await reads.read(['a'], load)).toBe(1);
    t = 999;
    expect(await reads.read(['a'], load)).toBe(1);
    expect(await reads.read(['b'], load)).toBe(2); // another key, another read
    t = 1000;
    expect(await reads.read(['a'], load)).toBe(3);
    expect(loads).toBe(3);
  });

  it('shares a read still running, however long it takes; its window starts with its answer', async () => {
    t = 5_000;
    let release: (v: string) => void = () => undefined;
    let loads = 0;
    const slow = () => {
      loads++;
      return new Promise<string>((r) => (release = r));
    };
    const first = reads.read(['slow'], slow);
    t = 8_000; // three windows later, still running: the same read
    const second = reads.read(['slow'], slow);
    release('done');
    expect([await first, await second, loads]).toEqual(['done', 'done', 1]);
    t = 8_999;
    expect(await reads.read(['slow'], slow)).toBe('done');
    expect(loads).toBe(1);
  });

  it('lets expired answers go within ten windows, not only when full', async () => {
    const own = new SharedReads(
      () => 1000,
      () => t,
    );
    t = 30_000;
    for (let i = 0; i < 50; i++) await own.read(['old', i], async () => i);
    expect(own.size).toBe(50);
    t = 30_000 + 10_001;
    await own.read(['new'], async () => 'x');
    expect(own.size).toBe(1);
  });

  it('does not keep a failed read: the next one tries again', async () => {
    t = 10_000;
    await expect(reads.read(['down'], () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await reads.read(['down'], async () => 'back')).toBe('back');
  });

  it('holds at most SHARED_READ_ENTRIES answers, whatever the number of keys asked for', async () => {
    t = 20_000;
    for (let i = 0; i < SHARED_READ_ENTRIES * 3; i++) await reads.read(['made-up', i], async () => i);
    expect(reads.size).toBeLessThanOrEqual(SHARED_READ_ENTRIES);
    expect(reads.size).toBeGreaterThan(0);
  });

  it('keeps nothing with a window of 0', async () => {
    const off = new SharedReads(() => 0);
    let loads = 0;
    await off.read(['x'], async () => ++loads);
    await off.read(['x'], async () => ++loads);
    expect([loads, off.size]).toEqual([2, 0]);
  });
});

describe('the public pages', () => {
  const db = useTestDb();
  let demo: TestSite;
  const day = () => stageDay(10);
  const before = process.env.SHARED_READ_MS;

  beforeAll(async () => {
    setNow(NOW);
    demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
    await makeStage(db().prisma, demo, { date: day(), formation: 'elec' });
  });
  // A long window: what the second render shows can only come from the first one's read.
  beforeEach(() => (process.env.SHARED_READ_MS = '600000'));
  afterAll(() => {
    process.env.SHARED_READ_MS = before;
    setNow(null);
  });

  const render = async (who: string | null, page: () => Promise<unknown>) => {
    actAs(who, demo.host);
    return renderToStaticMarkup((await page()) as ReactElement);
  };
  const calendar = (who: string | null) => render(who, () => CalendarPage({ searchParams: Promise.resolve({ mois: monthOf(day()) }) }));
  const list = (who: string | null) => render(who, () => ListPage({ searchParams: Promise.resolve({}) }));

  it('an anonymous visitor sees the calendar and list read for the previous one; the platform’s staff see the new stage at once', async () => {
    const anonymousCalendar = await calendar(null);
    const anonymousList = await list(null);
    expect(anonymousCalendar).toContain('1 stage affiché');
    expect(anonymousList).toContain('1 stage à venir');

    await makeStage(db().prisma, demo, { date: day(), formation: 'cuisine' });
    expect(await calendar(null)).toBe(anonymousCalendar);
    expect(await list(null)).toBe(anonymousList);
    expect(await calendar(demo.admin.id)).toContain('2 stages affichés');
    expect(await list(demo.admin.id)).toContain('2 stages à venir');

    // Without sharing (SHARED_READ_MS=0), the anonymous visitor reads the database too.
    process.env.SHARED_READ_MS = '0';
    expect(await calendar(null)).toContain('2 stages affichés');
    expect(await list(null)).toContain('2 stages à venir');
  });

  it('a stage’s page: the anonymous answer is shared, a signed-in one is read afresh', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(12), formation: 'elec', capacity: 9 });
    const page = (who: string | null) => render(who, () => StagePage({ params: Promise.resolve({ id: stage.id }), searchParams: Promise.resolve({}) }));
    const first = await page(null);
    expect(first).toContain('9 places');
    await db().prisma.stage.update({ where: { id: stage.id }, data: { capacity: 7 } });
    expect(await page(null)).toBe(first);
    expect(await page(demo.admin.id)).toContain('7 places');
  });
});
