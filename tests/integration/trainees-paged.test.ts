// « Stagiaires » a page at a time: every enrolment once across the pages, in a stable order, the count
// of all of them beside; the CSV export (no page) keeps every row.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import TraineesPage from '@/app/sites/[host]/stagiaires/page';
import { enrol, makeCollege, makeSite, makeStage, NOW, stageDay, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { countTrainees, listTrainees, type TraineeScope } from '@/lib/enrolments/queries';
import { pagesOf, pagingOf } from '@/lib/core/paging';

const db = useTestDb();
let demo: TestSite;
const staff: TraineeScope = { kind: 'site' };

beforeAll(async () => {
  setNow(NOW);
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  const college = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 7 });
  const a = await makeStage(p, demo, { date: stageDay(10), capacity: 10 });
  const b = await makeStage(p, demo, { date: stageDay(20), capacity: 10 });
  await enrol(p, a.id, college, [0, 1, 2, 3]);
  await enrol(p, b.id, college, [4, 5, 6]);
});

test('seven enrolments three at a time: pages of 3, 3 and 1, none twice, the same order as the whole list', async () => {
  const all = await listTrainees(demo.site.id, staff);
  expect(all).toHaveLength(7);
  expect(await countTrainees(demo.site.id, staff)).toBe(7);
  const pages = [];
  for (const n of ['1', '2', '3']) pages.push(await listTrainees(demo.site.id, staff, {}, pagingOf(n, 3)));
  expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
  expect(pages.flat().map((r) => r.id)).toEqual(all.map((r) => r.id));
  expect(pagesOf(pagingOf('3', 3), 7)).toEqual({ page: 3, pages: 3 });
  expect(await listTrainees(demo.site.id, staff, {}, pagingOf('4', 3))).toEqual([]);
});

test('the page: « Page 2 sur 3 » with its links, the filters kept; a page past the end says so', async () => {
  const staffPage = async (sp: Record<string, string>) => {
    actAs(demo.admin.id, demo.host);
    return renderToStaticMarkup((await TraineesPage({ searchParams: Promise.resolve(sp) })) as ReactElement);
  };
  // A page of 100: seven enrolments fit on one page, no pagination.
  const one = await staffPage({});
  expect(one).toContain('7 inscriptions.');
  expect(one).not.toContain('Page 1 sur');
  const past = await staffPage({ page: '5', statut: 'inscrits', par: 'stage' });
  expect(past).toContain('Cette page n’existe plus');
  expect(past).toContain('href="/stagiaires?statut=inscrits&amp;par=stage&amp;page=1"');
});
