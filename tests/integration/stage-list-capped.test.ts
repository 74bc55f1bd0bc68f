// Review: « Liste des stages » with « passes=1 » read every stage the platform ever had (years of
// them) in one query and one page. The list is now capped (LIST_LIMIT) and says so.
import { useTestDb } from '../helpers/db';
import { makeSite, makeStage, NOW, type TestSite } from '../factories/sites';
import { listStages, LIST_LIMIT } from '@/lib/stages/queries';
import { parseFilters } from '@/lib/stages/filters';

const db = useTestDb();
let A: TestSite;

beforeAll(async () => {
  const p = db().prisma;
  A = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  const model = await makeStage(p, A, { date: '2026-12-02', capacity: 8 });
  const row = await p.stage.findUniqueOrThrow({ where: { id: model.id } });
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  await p.stage.createMany({ data: Array.from({ length: LIST_LIMIT + 20 }, (_, i) => ({ ...rest, date: new Date(Date.UTC(2020, 0, 1 + i)) })) });
});

describe('Liste des stages: bounded', () => {
  it('never returns more than LIST_LIMIT rows, past stages included', async () => {
    expect(LIST_LIMIT).toBeGreaterThanOrEqual(200);
    const rows = await listStages(A.site.id, parseFilters({ passes: '1' }), NOW);
    expect(rows.length).toBe(LIST_LIMIT);
  });

  it('keeps the order asked for within the cap (the latest first with ordre=desc)', async () => {
    const rows = await listStages(A.site.id, parseFilters({ passes: '1', ordre: 'desc' }), NOW);
    expect(rows[0].date).toBe('2026-12-02');
  });
});
