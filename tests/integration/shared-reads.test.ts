// A platform's calendar, list, stage page and dashboard share one read per second and per page
// (lib/core/shared-reads.ts) — a second request in that window costs no query, signed in or not —
// and every server action lets go of its platform's answers: whoever changed something sees it at once.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTestDb } from '../helpers/db';
import { actAs, carryActedCookie } from '../helpers/session-mock';
import CalendarPage from '@/app/sites/[host]/calendrier/page';
import ListPage from '@/app/sites/[host]/liste/page';
import StagePage from '@/app/sites/[host]/stages/[id]/page';
import Dashboard from '@/app/sites/[host]/page';
import { cancelStageAction } from '@/lib/stages/actions';
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
    expect(await reads.read('s', ['a'], load)).toBe(1);
    t = 999;
    expect(await reads.read('s', ['a'], load)).toBe(1);
    expect(await reads.read('s', ['b'], load)).toBe(2); // another key, another read
    t = 1000;
    expect(await reads.read('s', ['a'], load)).toBe(3);
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
    const first = reads.read('s', ['slow'], slow);
    t = 8_000; // three windows later, still running: the same read
    const second = reads.read('s', ['slow'], slow);
    release('done');
    expect([await first, await second, loads]).toEqual(['done', 'done', 1]);
    t = 8_999;
    expect(await reads.read('s', ['slow'], slow)).toBe('done');
    expect(loads).toBe(1);
  });

  it('lets expired answers go within ten windows, not only when full', async () => {
    const own = new SharedReads(
      () => 1000,
      () => t,
    );
    t = 30_000;
    for (let i = 0; i < 50; i++) await own.read('s', ['old', i], async () => i);
    expect(own.size).toBe(50);
    t = 30_000 + 10_001;
    await own.read('s', ['new'], async () => 'x');
    expect(own.size).toBe(1);
  });

  it('does not keep a failed read: the next one tries again', async () => {
    t = 10_000;
    await expect(reads.read('s', ['down'], () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await reads.read('s', ['down'], async () => 'back')).toBe('back');
  });

  it('holds at most SHARED_READ_ENTRIES answers, whatever the number of keys asked for', async () => {
    t = 20_000;
    for (let i = 0; i < SHARED_READ_ENTRIES * 3; i++) await reads.read('s', ['made-up', i], async () => i);
    expect(reads.size).toBeLessThanOrEqual(SHARED_READ_ENTRIES);
    expect(reads.size).toBeGreaterThan(0);
  });

  it('lets go of a scope’s answers when it changes, reads still running included; other scopes keep theirs', async () => {
    const own = new SharedReads(
      () => 1000,
      () => t,
    );
    t = 40_000;
    let loads = 0;
    const load = async () => ++loads;
    await own.read('site-a', ['list'], load);
    await own.read('site-b', ['list'], load);
    let release: (v: number) => void = () => undefined;
    const running = own.read('site-a', ['slow'], () => new Promise<number>((r) => (release = r)));
    own.changed('site-a');
    release(0);
    await running;
    expect(await own.read('site-a', ['list'], load)).toBe(3); // read again
    expect(await own.read('site-b', ['list'], load)).toBe(2); // kept
    expect(await own.read('site-a', ['slow'], async () => 9)).toBe(9); // the running one was not kept
    own.changed(); // anything changed (an action on the portal)
    expect(await own.read('site-b', ['list'], load)).toBe(4);
  });

  it('keeps nothing with a window of 0', async () => {
    const off = new SharedReads(() => 0);
    let loads = 0;
    await off.read('s', ['x'], async () => ++loads);
    await off.read('s', ['x'], async () => ++loads);
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

  it('everyone is given the answer read for the previous request, until an action on the platform lets it go', async () => {
    const anonymousCalendar = await calendar(null);
    const anonymousList = await list(null);
    expect(anonymousCalendar).toContain('1 stage affiché');
    expect(anonymousList).toContain('1 stage à venir');

    // Written behind the app's back (another instance, a job): not shown within the window.
    const added = await makeStage(db().prisma, demo, { date: day(), formation: 'cuisine' });
    expect(await calendar(null)).toBe(anonymousCalendar);
    expect(await list(null)).toBe(anonymousList);
    expect(await calendar(demo.admin.id)).toContain('1 stage affiché');
    expect(await list(demo.admin.id)).toContain('1 stage à venir');

    // An action of another platform's leaves this one's answers alone.
    const other = await makeSite(db().prisma, { slug: 'autre', uai: '0350048K' });
    const elsewhere = await makeStage(db().prisma, other, { date: day(), formation: 'elec' });
    actAs(other.admin.id, other.host);
    expect(await cancelStageAction({ id: elsewhere.id, reason: 'Atelier fermé pour travaux' })).toMatchObject({ ok: true });
    expect(await list(null)).toBe(anonymousList);

    // Refused, or nobody signed in: nothing is let go (a stranger cannot empty the shared answers).
    actAs(other.admin.id, demo.host);
    expect(await cancelStageAction({ id: added.id, reason: 'Atelier fermé pour travaux' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    actAs(null, demo.host);
    expect(await cancelStageAction({ id: added.id, reason: 'Atelier fermé pour travaux' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await list(null)).toBe(anonymousList);

    // A browser whose person just acted (here, on another instance) reads the database; the same
    // cookie sent by a stranger is not honoured (it would make each of their requests cost its reads).
    carryActedCookie(true);
    expect(await list(null)).toBe(anonymousList);
    expect(await list(demo.admin.id)).toContain('2 stages à venir');
    carryActedCookie(false);
    expect(await list(demo.admin.id)).toContain('1 stage à venir');

    // The platform's admin cancels a stage: the next page, theirs or anyone's, reads afresh.
    actAs(demo.admin.id, demo.host);
    expect(await cancelStageAction({ id: added.id, reason: 'Atelier fermé pour travaux' })).toMatchObject({ ok: true });
    expect(await calendar(demo.admin.id)).toContain('2 stages affichés');
    const after = await list(null);
    expect(after).toContain('2 stages à venir');
    expect(after).toContain('Annulé');

    // Without sharing (SHARED_READ_MS=0), every request reads the database.
    await makeStage(db().prisma, demo, { date: day(), formation: 'elec' });
    process.env.SHARED_READ_MS = '0';
    expect(await calendar(null)).toContain('3 stages affichés');
    expect(await list(demo.admin.id)).toContain('3 stages à venir');
  });

  it('a stage’s page and the dashboard: shared, and read afresh after an action', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(12), formation: 'elec', capacity: 9 });
    const page = (who: string | null) => render(who, () => StagePage({ params: Promise.resolve({ id: stage.id }), searchParams: Promise.resolve({}) }));
    const dashboard = () => render(demo.admin.id, () => Dashboard());
    const first = await page(null);
    expect(first).toContain('9 places');
    const figures = await dashboard();
    await db().prisma.stage.update({ where: { id: stage.id }, data: { capacity: 7 } });
    expect(await page(null)).toBe(first);
    expect(await page(demo.admin.id)).toContain('9 places');
    expect(await dashboard()).toBe(figures);

    actAs(demo.admin.id, demo.host);
    expect(await cancelStageAction({ id: stage.id, reason: 'Atelier fermé pour travaux' })).toMatchObject({ ok: true });
    expect(await page(null)).toContain('Annulé');
    // The cancelled stage is no longer counted among those to come.
    const upcoming = (html: string) => Number(/(\d+) stages? à venir/.exec(html)?.[1]);
    expect(upcoming(figures)).toBeGreaterThan(0);
    expect(upcoming(await dashboard())).toBe(upcoming(figures) - 1);
  });
});
