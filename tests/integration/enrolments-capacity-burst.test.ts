// A burst of enrolments at one stage: 50 « Inscrire » at the same moment (50 distinct pupils,
// Promise.all) never take more seats than the capacity — the seat is one conditional UPDATE inside
// each enrolment's transaction. On PostgreSQL (npm run test:postgres) they truly run in parallel.
import { useTestDb } from '../helpers/db';
import { sendDueConvocations } from '@/lib/enrolments/convocations';
import { daysFromNow, makeCollege, makeSite, makeStage, NOW, principalOf, type TestCollege, type TestSite } from '../factories/sites';
import { enrolPupils, waitingCap, type EnrolResult, type EnrollingMember } from '@/lib/enrolments/service';

const db = useTestDb();
const CAPACITY = 5;
const BURST = 50;
let demo: TestSite;
let big: TestCollege;
let member: EnrollingMember;
let used = 0;

beforeAll(async () => {
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  big = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 2 * BURST });
  member = await principalOf(p, big);
}, 120_000);

/** 50 pupils not used yet, each enrolled by its own call, all at once. */
async function burst(stageId: string, waitlist: boolean): Promise<EnrolResult[]> {
  const pupils = big.pupils.slice(used, used + BURST).map((p) => p.id);
  used += BURST;
  const all = await Promise.all(pupils.map((id) => enrolPupils({ siteId: demo.site.id, stageId, member, pupilIds: [id], waitlist, now: NOW })));
  return all.flat();
}

const count = (results: EnrolResult[]) => results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});

async function stageState(stageId: string) {
  const p = db().prisma;
  const stage = await p.stage.findUniqueOrThrow({ where: { id: stageId }, select: { enrolledCount: true } });
  const groups = await p.enrolment.groupBy({ by: ['status'], where: { stageId }, _count: { _all: true } });
  return { enrolledCount: stage.enrolledCount, rows: Object.fromEntries(groups.map((g) => [g.status, g._count._all])) };
}

describe(`${BURST} enrolments at once in a stage of ${CAPACITY} seats`, () => {
  it('with the waiting list: exactly 5 confirmed, 20 waiting (the list is full), the others refused, convocations for the 5 only', async () => {
    const stage = await makeStage(db().prisma, demo, { date: daysFromNow(9), capacity: CAPACITY });
    const before = await db().prisma.outboxEmail.count({ where: { template: 'convocation' } });
    const results = await burst(stage.id, true);
    const waiting = waitingCap(CAPACITY);
    expect(count(results)).toEqual({ CONFIRMED: CAPACITY, WAITING: waiting, REFUSED: BURST - CAPACITY - waiting });
    expect(
      results.filter((r) => r.outcome === 'REFUSED').every((r) => r.message.endsWith('La liste d’attente de ce stage est complète : choisissez un autre stage.')),
    ).toBe(true);
    const state = await stageState(stage.id);
    expect(state.enrolledCount).toBe(CAPACITY);
    expect(state.rows).toEqual({ CONFIRMED: CAPACITY, WAITING: waiting });
    // One convocation to the principal and one to the guardian per confirmed pupil; none for the waiting ones.
    await sendDueConvocations();
    expect((await db().prisma.outboxEmail.count({ where: { template: 'convocation' } })) - before).toBe(2 * CAPACITY);
    const confirmed = await db().prisma.enrolment.findMany({ where: { stageId: stage.id }, select: { status: true, convocationSentAt: true } });
    expect(confirmed.filter((e) => e.convocationSentAt !== null).length).toBe(CAPACITY);
    expect(confirmed.filter((e) => e.status === 'WAITING' && e.convocationSentAt !== null)).toEqual([]);
    expect(
      results
        .filter((r) => r.outcome === 'WAITING')
        .every((r) => r.message.endsWith('est en liste d’attente : le collège recevra la convocation si une place se libère.')),
    ).toBe(true);
  });

  it('without the waiting list: exactly 5 confirmed, 45 refused as « complet », no other row', async () => {
    const stage = await makeStage(db().prisma, demo, { date: daysFromNow(10), capacity: CAPACITY });
    const results = await burst(stage.id, false);
    expect(count(results)).toEqual({ CONFIRMED: CAPACITY, REFUSED: BURST - CAPACITY });
    for (const r of results.filter((x) => x.outcome === 'REFUSED')) {
      expect(r.message).toBe(`${r.pupil} : Ce stage est complet : inscrivez l’élève en liste d’attente, ou choisissez un autre stage.`);
    }
    const state = await stageState(stage.id);
    expect(state.enrolledCount).toBe(CAPACITY);
    expect(state.rows).toEqual({ CONFIRMED: CAPACITY });
  });
});

describe('a burst from several collèges with a fair share', () => {
  it('5 collèges × 10 pupils at once, 2 seats each at most, 5 seats in all', async () => {
    const p = db().prisma;
    const lycee = await makeSite(p, { slug: 'partage', uai: '0350050B' });
    await p.site.update({ where: { id: lycee.site.id }, data: { fairShareSeats: 2, fairShareDays: 7 } });
    const stage = await makeStage(p, lycee, { date: daysFromNow(9), capacity: CAPACITY });
    const colleges = [];
    for (let i = 0; i < 5; i++) colleges.push(await makeCollege(p, { uai: `035006${i}C`, name: `Collège Numéro${i}`, pupils: 10, guardianEmails: false }));
    const members = await Promise.all(colleges.map((c) => principalOf(p, c)));
    const calls = colleges.flatMap((c, i) => c.pupils.map((pupil) => ({ member: members[i], pupilId: pupil.id })));
    const results = (
      await Promise.all(calls.map((c) => enrolPupils({ siteId: lycee.site.id, stageId: stage.id, member: c.member, pupilIds: [c.pupilId], waitlist: true, now: NOW })))
    ).flat();
    expect(count(results)).toEqual({ CONFIRMED: CAPACITY, WAITING: waitingCap(CAPACITY), REFUSED: 50 - CAPACITY - waitingCap(CAPACITY) });
    expect((await p.stage.findUniqueOrThrow({ where: { id: stage.id } })).enrolledCount).toBe(CAPACITY);
    const byCollege = await p.enrolment.groupBy({ by: ['establishmentId'], where: { stageId: stage.id, status: 'CONFIRMED' }, _count: { _all: true } });
    expect(Math.max(...byCollege.map((g) => g._count._all))).toBeLessThanOrEqual(2);
    expect(byCollege.reduce((n, g) => n + g._count._all, 0)).toBe(CAPACITY);
  });
});
