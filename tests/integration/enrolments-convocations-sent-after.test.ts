// Convocations leave after the enrolment's transaction (lib/enrolments/convocations.ts): each one
// exactly once, even with two loops at work; none for an enrolment cancelled before its turn, nor
// for a stage cancelled meanwhile; a promoted pupil's says a seat was freed.
import { useTestDb } from '../helpers/db';
import { makeCollege, makeSite, makeStage, NOW, type TestCollege, type TestSite } from '../factories/sites';
import { enrolPupils, cancelEnrolment, promoteWhereSeatsFree } from '@/lib/enrolments/service';
import { sendDueConvocations } from '@/lib/enrolments/convocations';
import { pupilsInReach } from '@/lib/classes/access';

const db = useTestDb();
let A: TestSite;
let X: TestCollege;

beforeAll(async () => {
  A = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  X = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 4 });
});

const member = () => ({
  actorId: X.principal.id,
  reach: { establishmentId: X.est.id, membershipId: 'unused', wholeCollege: true },
});
const convocations = () => db().prisma.outboxEmail.count({ where: { template: 'convocation' } });

it('marks the convocation due in the enrolment, and two loops send it once', async () => {
  expect(pupilsInReach(member().reach)).toMatchObject({ establishmentId: X.est.id });
  const stage = await makeStage(db().prisma, A, { date: '2026-12-02', capacity: 3 });
  const [r] = await enrolPupils({ siteId: A.site.id, stageId: stage.id, member: member(), pupilIds: [X.pupils[0].id], waitlist: false, now: NOW });
  expect(r).toMatchObject({ outcome: 'CONFIRMED', convocation: true });
  const row = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
  expect(row).toMatchObject({ convocationDue: 'new', convocationSentAt: null });
  const before = await convocations();
  const [a, b] = await Promise.all([sendDueConvocations(), sendDueConvocations()]);
  expect(a + b).toBe(1);
  expect((await convocations()) - before).toBe(2); // the principal and the guardian
  expect(await db().prisma.enrolment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ convocationDue: null, convocationSentAt: expect.any(Date) });
  expect(await sendDueConvocations()).toBe(0);
});

it('sends none for an enrolment cancelled, or a stage cancelled, before its turn', async () => {
  const stage = await makeStage(db().prisma, A, { date: '2026-12-03', capacity: 3 });
  const other = await makeStage(db().prisma, A, { date: '2026-12-04', capacity: 3 });
  const [r1] = await enrolPupils({ siteId: A.site.id, stageId: stage.id, member: member(), pupilIds: [X.pupils[1].id], waitlist: false, now: NOW });
  const [r2] = await enrolPupils({ siteId: A.site.id, stageId: other.id, member: member(), pupilIds: [X.pupils[2].id], waitlist: false, now: NOW });
  expect([r1.outcome, r2.outcome]).toEqual(['CONFIRMED', 'CONFIRMED']);
  const e1 = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
  await cancelEnrolment({ siteId: A.site.id, enrolmentId: e1.id, by: { kind: 'college', ...member() }, origin: 'http://demo.localhost', now: NOW });
  await db().prisma.stage.update({ where: { id: other.id }, data: { status: 'CANCELLED' } });
  const before = await convocations();
  expect(await sendDueConvocations()).toBe(2);
  expect((await convocations()) - before).toBe(0);
});

it('a promoted pupil’s convocation says a seat was freed', async () => {
  const stage = await makeStage(db().prisma, A, { date: '2026-12-07', capacity: 1 });
  await enrolPupils({ siteId: A.site.id, stageId: stage.id, member: member(), pupilIds: [X.pupils[0].id], waitlist: false, now: NOW });
  const [w] = await enrolPupils({ siteId: A.site.id, stageId: stage.id, member: member(), pupilIds: [X.pupils[3].id], waitlist: true, now: NOW });
  expect(w.outcome).toBe('WAITING');
  await sendDueConvocations();
  const first = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id, status: 'CONFIRMED' } });
  await cancelEnrolment({ siteId: A.site.id, enrolmentId: first.id, by: { kind: 'lycee', actorId: A.admin.id }, origin: 'http://demo.localhost', now: NOW });
  expect(await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id, pupilId: X.pupils[3].id } })).toMatchObject({
    status: 'CONFIRMED',
    convocationDue: 'promoted',
  });
  const since = new Date();
  await sendDueConvocations();
  const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { template: 'convocation', to: X.principal.email!, createdAt: { gte: since } } });
  expect(mail.text).toContain('Une place s’est libérée');
});

it('when a fair-share cap lifts, the freed seats go to the pupils waiting, in order', async () => {
  const p = db().prisma;
  await p.site.update({ where: { id: A.site.id }, data: { fairShareSeats: 1, fairShareDays: 7 } });
  try {
    // A stage ten days ahead, 3 seats: the collège takes 1, its 2 others wait behind the cap.
    const stage = await makeStage(p, A, { date: '2026-12-03', capacity: 3 });
    const pupils = [X.pupils[0].id, X.pupils[1].id, X.pupils[2].id];
    const r = await enrolPupils({ siteId: A.site.id, stageId: stage.id, member: member(), pupilIds: pupils, waitlist: true, now: NOW });
    expect(r.map((x) => x.outcome)).toEqual(['CONFIRMED', 'WAITING', 'WAITING']);
    expect(await promoteWhereSeatsFree(NOW)).toBe(0); // the cap still holds
    const lifted = new Date('2026-11-26T08:00:00Z'); // 7 days before: the cap lifts
    expect(await promoteWhereSeatsFree(lifted)).toBe(2);
    const rows = await p.enrolment.findMany({ where: { stageId: stage.id }, select: { status: true } });
    expect(rows.map((x) => x.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect((await p.stage.findUniqueOrThrow({ where: { id: stage.id } })).enrolledCount).toBe(3);
  } finally {
    await p.site.update({ where: { id: A.site.id }, data: { fairShareSeats: null, fairShareDays: null } });
  }
});
