// « Rechercher un stage » across every platform, and the ICS feed of one platform.
import { useTestDb } from '../helpers/db';
import { enrol, makeCollege, makeSite, makeStage, NOW, stageDay, type TestSite } from '../factories/sites';
import { searchStages } from '@/lib/stages/search';
import { GET as icsFeed } from '@/app/api/ics/route';

const db = useTestDb();
let A: TestSite;
let B: TestSite;
let C: TestSite;
const s: Record<string, string> = {};

beforeAll(async () => {
  const p = db().prisma;
  A = await makeSite(p, { slug: 'demo', uai: '0350032V', name: 'Lycée des métiers Démo' });
  B = await makeSite(p, { slug: 'champagne', uai: '0350709F', city: 'Saint-Malo', name: 'Lycée professionnel la Champagne' });
  C = await makeSite(p, { slug: 'brest', uai: '0290012J', city: 'Brest', departmentCode: '029' });
  const mk = async (key: string, site: TestSite, data: Parameters<typeof makeStage>[2]) => (s[key] = (await makeStage(p, site, data)).id);
  await mk('a1', A, { date: '2026-12-02', capacity: 2 });
  await mk('a2', A, { date: '2026-12-09', formation: 'cuisine' });
  await mk('a3', A, { date: '2026-11-20' });
  await mk('a4', A, { date: '2026-12-03', status: 'CANCELLED' });
  await mk('b1', B, { date: '2026-11-30' });
  await mk('c1', C, { date: '2027-01-12' });
  const college = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 2 });
  await enrol(p, s.a1, college, [0, 1]); // a1 is full
});

const found = async (input: Parameters<typeof searchStages>[0]) => (await searchStages(input, NOW)).hits.map((h) => Object.entries(s).find(([, v]) => v === h.id)?.[0]);

describe('Rechercher un stage (every platform)', () => {
  it('finds upcoming published stages of every platform, places available first, then by date', async () => {
    expect(await found({})).toEqual(['b1', 'a2', 'c1', 'a1']);
  });

  it('matches formation words whatever the accents and the case', async () => {
    expect(await found({ q: 'ELECTRICITE' })).toEqual(['b1', 'c1', 'a1']);
    expect(await found({ q: 'cap cuisine' })).toEqual(['a2']);
    expect(await found({ q: 'boulangerie' })).toEqual([]);
  });

  it('narrows by commune or by département', async () => {
    expect(await found({ lieu: 'saint malo' })).toEqual(['b1']);
    expect(await found({ lieu: '29' })).toEqual(['c1']);
    expect(await found({ lieu: '35' })).toEqual(['b1', 'a2', 'a1']);
  });

  it('narrows by dates and can leave out full stages', async () => {
    expect(await found({ du: '2026-12-01', au: '2026-12-31' })).toEqual(['a2', 'a1']);
    expect(await found({ disponibles: '1' })).toEqual(['b1', 'a2', 'c1']);
  });

  it('gives each hit its platform for the link', async () => {
    const r = await searchStages({ lieu: 'saint-malo' }, NOW);
    expect(r.hits[0].site).toMatchObject({ slug: 'champagne', name: 'Lycée professionnel la Champagne', city: 'Saint-Malo' });
  });
});

describe('the ICS feed', () => {
  it('serves the host’s platform stages as text/calendar, and nothing of the others', async () => {
    // The feed reads the real clock: stages relative to today.
    const p = db().prisma;
    const live = (await makeStage(p, A, { date: stageDay(5) })).id;
    const cancelled = (await makeStage(p, A, { date: stageDay(6), status: 'CANCELLED' })).id;
    const other = (await makeStage(p, B, { date: stageDay(5) })).id;
    const res = await icsFeed(new Request('http://demo.localhost:3000/api/ics', { headers: { host: 'demo.localhost:3000' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = (await res.text()).replace(/\r\n /g, '');
    expect(body).toContain(`UID:stage-${live}@demo.localhost`);
    expect(body).toContain(`URL:http://demo.localhost:3000/stages/${live}`);
    expect(body).not.toContain(other);
    expect(body).toMatch(new RegExp(`UID:stage-${cancelled}@demo.localhost[^]*?STATUS:CANCELLED`));
  });

  it('answers 404 on an unknown host', async () => {
    const res = await icsFeed(new Request('http://inconnu.localhost/api/ics', { headers: { host: 'inconnu.localhost' } }));
    expect(res.status).toBe(404);
  });
});
