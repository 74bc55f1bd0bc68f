// The calendar, the list with its filters and the dashboard figures, on known data with a fixed
// clock (Monday 23 November 2026, school year from 1 September 2026).
import { useTestDb } from '../helpers/db';
import { enrol, makeCollege, makeSite, makeStage, NOW, type TestCollege, type TestSite } from '../factories/sites';
import { calendarMonth, listStages } from '@/lib/stages/queries';
import { dashboardFigures } from '@/lib/stages/dashboard';
import { parseFilters } from '@/lib/stages/filters';
import { listTrainees } from '@/lib/enrolments/queries';

const db = useTestDb();
let A: TestSite;
let B: TestSite;
let X: TestCollege;
let Y: TestCollege;
const s: Record<string, string> = {};

beforeAll(async () => {
  const p = db().prisma;
  A = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  B = await makeSite(p, { slug: 'champagne', uai: '0350709F' });
  X = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 6 });
  Y = await makeCollege(p, { uai: '0352274G', name: 'Collège Françoise Dolto', pupils: 4 });
  const mk = async (key: string, site: TestSite, data: Parameters<typeof makeStage>[2]) => (s[key] = (await makeStage(p, site, data)).id);
  await mk('s1', A, { date: '2026-11-20', capacity: 10 });
  await mk('s2', A, { date: '2026-12-02', capacity: 8 });
  await mk('s3', A, { date: '2026-12-02', formation: 'cuisine', teacher: 'lambert', start: 810, end: 990, capacity: 4 });
  await mk('s4', A, { date: '2026-12-09', formation: 'cuisine', teacher: null, capacity: 6, stageType: 'Journée découverte', scheduleDetail: 'Matin' });
  await mk('s5', A, { date: '2026-12-16', teacher: 'lambert', capacity: 5, status: 'CANCELLED' });
  await mk('s6', A, { date: '2027-01-06', capacity: 12 });
  await mk('s7', A, { date: '2026-06-30', capacity: 10 });
  await mk('b1', B, { date: '2026-12-02', capacity: 20 });
  await enrol(p, s.s1, X, [0]);
  await enrol(p, s.s1, Y, [0, 1]);
  await enrol(p, s.s2, X, [0, 1]);
  await enrol(p, s.s3, Y, [0, 1, 2, 3]);
  await enrol(p, s.s6, X, [2]);
  await enrol(p, s.s7, X, [3, 4]);
  await enrol(p, s.s4, X, [5], 'WAITING');
  await enrol(p, s.b1, X, [1, 2, 3, 4, 5]);
});

const ids = async (sp: Record<string, string>) => (await listStages(A.site.id, parseFilters(sp), NOW)).map((r) => Object.entries(s).find(([, v]) => v === r.id)?.[0]);

describe('Liste des stages', () => {
  it('hides past stages by default and shows them with « passes »', async () => {
    expect(await ids({})).toEqual(['s2', 's3', 's4', 's5', 's6']);
    expect(await ids({ passes: '1' })).toEqual(['s7', 's1', 's2', 's3', 's4', 's5', 's6']);
  });

  it.each([
    ['Filière', { filiere: 'cuisine' }, ['s3', 's4']],
    ['Enseignant', { enseignant: 'lambert' }, ['s3', 's5']],
    ['Type de stage', { type: 'Journée découverte' }, ['s4']],
    ['Détail des horaires', { horaires: 'Matin' }, ['s4']],
    ['Remplissage: complet', { remplissage: 'complet' }, ['s3']],
    ['Remplissage: places disponibles (cancelled stages left out)', { remplissage: 'disponibles' }, ['s2', 's4', 's6']],
    ['Filière + Remplissage', { filiere: 'elec', remplissage: 'disponibles' }, ['s2', 's6']],
  ])('filters by %s', async (_what, raw, expected) => {
    const sp: Record<string, string> = { ...raw };
    if (sp.filiere) sp.filiere = A.formations[sp.filiere as 'elec' | 'cuisine'].id;
    if (sp.enseignant) sp.enseignant = A.teachers[sp.enseignant as 'lambert'].id;
    expect(await ids(sp)).toEqual(expected);
  });

  it('sorts by enrolled pupils and by teacher (no teacher last)', async () => {
    expect(await ids({ tri: 'inscrits', ordre: 'desc' })).toEqual(['s3', 's2', 's6', 's4', 's5']);
    expect(await ids({ tri: 'enseignant' })).toEqual(['s2', 's6', 's3', 's5', 's4']);
    expect(await ids({ tri: 'horaires' })).toEqual(['s2', 's4', 's5', 's6', 's3']);
  });

  it('finds nothing with another platform’s formation', async () => {
    expect(await ids({ filiere: B.formations.elec.id })).toEqual([]);
  });
});

describe('Calendrier', () => {
  it('shows the weeks of the month from Monday to Sunday with their stages', async () => {
    const m = await calendarMonth(A.site.id, '2026-12', parseFilters({}));
    expect([m.days[0], m.days[m.days.length - 1], m.days.length]).toEqual(['2026-11-30', '2027-01-03', 35]);
    expect(m.total).toBe(4);
    expect(m.byDay.get('2026-12-02')?.map((r) => r.id)).toEqual([s.s2, s.s3]);
    expect(m.byDay.get('2026-12-16')?.[0].status).toBe('CANCELLED');
  });

  it('applies the same filters', async () => {
    const m = await calendarMonth(A.site.id, '2026-12', parseFilters({ filiere: A.formations.cuisine.id }));
    expect([...m.byDay.values()].flat().map((r) => r.id)).toEqual([s.s3, s.s4]);
  });
});

describe('Tableau de bord', () => {
  it('gives the exact figures of the platform', async () => {
    const d = await dashboardFigures(A.site.id, { now: NOW });
    // Upcoming published stages: s2 (8 places, 2 enrolled), s3 (4, 4), s4 (6, 0), s6 (12, 1).
    expect(d.filling).toEqual({ enrolled: 7, available: 23, capacity: 30, stages: 4 });
    // This school year (s7 in June is last year's): électricité 3+2+1 in s1, s2, s6; cuisine 4 in s3, 0 in s4.
    expect(d.topFormations.map((f) => [f.label, f.enrolled, f.detail])).toEqual([
      ["Bac pro Métiers de l'électricité demo", 6, '6 inscrits · 3 stages · 30 places'],
      ['CAP Cuisine demo', 4, '4 inscrits · 2 stages · 10 places'],
    ]);
    // Distinct pupils with a confirmed enrolment this school year: Dolto 4 (2 of them twice), Ormeaux 3.
    expect(d.topEstablishments.map((e) => [e.label, e.enrolled])).toEqual([
      ['Collège Françoise Dolto (Rennes)', 4],
      ['Collège les Ormeaux (Rennes)', 3],
    ]);
    expect(d.upcoming.map((r) => r.id)).toEqual([s.s2, s.s3, s.s4, s.s6]);
    expect(d.upcomingTotal).toBe(4);
  });

  it('changes when a stage is added and a pupil enrolled', async () => {
    const p = db().prisma;
    const extra = await makeStage(p, A, { date: '2026-12-04', capacity: 6 });
    await enrol(p, extra.id, Y, [0]);
    const d = await dashboardFigures(A.site.id, { now: NOW });
    expect(d.filling).toEqual({ enrolled: 8, available: 28, capacity: 36, stages: 5 });
    expect(d.upcoming.map((r) => r.id)).toEqual([s.s2, s.s3, extra.id, s.s4, s.s6]);
    await p.enrolment.deleteMany({ where: { stageId: extra.id } });
    await p.stage.delete({ where: { id: extra.id } });
  });

  it('counts nothing of another platform', async () => {
    const d = await dashboardFigures(B.site.id, { now: NOW });
    expect(d.filling).toEqual({ enrolled: 5, available: 15, capacity: 20, stages: 1 });
    expect(d.topEstablishments.map((e) => [e.label, e.enrolled])).toEqual([['Collège les Ormeaux (Rennes)', 5]]);
  });
});

describe('Stagiaires', () => {
  it('shows the staff every upcoming enrolment, and a collège only its own pupils', async () => {
    const all = await listTrainees(A.site.id, { kind: 'site' }, { now: NOW });
    expect(all.map((t) => t.stage.id).sort()).toEqual([s.s2, s.s2, s.s3, s.s3, s.s3, s.s3, s.s4, s.s6].sort());
    const mine = await listTrainees(A.site.id, { kind: 'establishment', establishmentId: X.est.id, pupil: {} }, { now: NOW });
    expect(mine.every((t) => t.establishment === 'Collège les Ormeaux')).toBe(true);
    expect(mine).toHaveLength(4);
    expect(await listTrainees(A.site.id, { kind: 'establishment', establishmentId: X.est.id, pupil: {} }, { now: NOW, past: true })).toHaveLength(7);
  });
});
