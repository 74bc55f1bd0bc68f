// Review: hand-edited calendar / search URLs must never hang the server or give a 500.
// ?mois=0099-12 used to build a 700 000-day grid (Date.UTC maps years 0–99 to 1900–1999),
// ?mois=0000-01 and ?mois=9999-12 made dayToDb() produce an Invalid Date (RangeError / Prisma error),
// ?au=0000-01-01 on « Rechercher un stage » sent a year-0 date to PostgreSQL.
import { useTestDb } from '../helpers/db';
import { makeSite, makeStage, NOW, type TestSite } from '../factories/sites';
import { calendarMonth, monthGrid } from '@/lib/stages/queries';
import { parseFilters } from '@/lib/stages/filters';
import { searchStages } from '@/lib/stages/search';

const db = useTestDb();
let A: TestSite;

beforeAll(async () => {
  A = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  await makeStage(db().prisma, A, { date: '2026-12-02', capacity: 8 });
});

describe('calendar month from the URL (?mois=)', () => {
  it.each(['0000-01', '0099-12', '0100-01', '9999-12', '1899-05', '2201-01'])('ignores the out-of-range month %s', (mois) => {
    expect(parseFilters({ mois }).mois).toBeUndefined();
  });

  it('keeps a realistic month', () => {
    expect(parseFilters({ mois: '2027-03' }).mois).toBe('2027-03');
  });

  it('a month grid is always 4 to 6 whole weeks, even at the edges of the accepted range', () => {
    for (const m of ['2000-01', '2026-02', '2100-12']) {
      const g = monthGrid(m);
      expect(g.length % 7).toBe(0);
      expect(g.length).toBeGreaterThanOrEqual(28);
      expect(g.length).toBeLessThanOrEqual(42);
    }
  });

  it('calendarMonth answers for a month given directly (no hang, no error)', async () => {
    const cal = await calendarMonth(A.site.id, '2026-12', parseFilters({}));
    expect(cal.total).toBe(1);
  });
});

describe('« Rechercher un stage » dates from the URL', () => {
  it.each(['0000-01-01', '0001-01-01', '9999-12-31'])('a far-off end date %s never gives an error', async (au) => {
    await expect(searchStages({ au }, NOW)).resolves.toEqual(expect.objectContaining({ hits: expect.any(Array) }));
  });

  it.each(['0000-01-01', '9999-12-31'])('a far-off start date %s never gives an error', async (du) => {
    await expect(searchStages({ du }, NOW)).resolves.toEqual(expect.objectContaining({ hits: expect.any(Array) }));
  });
});
