// What keeps enrolments from being used against people (security review): no email to families
// from an account whose address is not proven; no cancellation on the stage's day by the collège
// nor after attendance; no enrol/cancel churn on one pupil; no pupil typed in by a professeur
// principal; an absence told once; the CSV by the page's rule; far reminders never hold up a near one.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makePupil, makeTeam, type Team } from '../factories/college';
import { daysFromNow, makeSite, makeStage, NOW, outboxEmails, outboxMark, type TestSite } from '../factories/sites';
import { attendanceAction, cancelEnrolmentAction, enrolAction } from '@/lib/enrolments/actions';
import { sendDueReminders } from '@/lib/enrolments/reminders';
import { GET } from '@/app/api/stagiaires/route';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
let demo: TestSite;
let team: Team;
const pupils: string[] = [];

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  for (let i = 0; i < 6; i++)
    pupils.push((await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false, guardians: 1 })).pupil.id);
});
afterAll(() => setNow(null));

const enrolAs = (userId: string, stageId: string, pupilIds: string[], extra: Record<string, unknown> = {}) => {
  actAs(userId, demo.host);
  return enrolAction({ stageId, pupilIds, ...extra });
};
const cancelAs = (userId: string, enrolmentId: string) => {
  actAs(userId, demo.host);
  return cancelEnrolmentAction({ enrolmentId });
};
const activeId = async (pupilId: string, stageId: string) =>
  (await db().prisma.enrolment.findFirstOrThrow({ where: { pupilId, stageId, status: { not: 'CANCELLED' } } })).id;
const principal = () => team.members.PRINCIPAL.user.id;

it('an account whose address is not proven sends nothing to the family, even by cancelling', async () => {
  const p = db().prisma;
  const secretary = team.members.SECRETARY.user;
  await p.user.update({ where: { id: secretary.id }, data: { emailVerified: null } });
  try {
    const stage = await makeStage(p, demo, { date: daysFromNow(10), capacity: 5 });
    const since = await outboxMark();
    for (let i = 0; i < 3; i++) {
      const r = await enrolAs(secretary.id, stage.id, [pupils[0]]);
      expect(r.ok && r.data.results[0].outcome).toBe('CONFIRMED');
      expect((await cancelAs(secretary.id, await activeId(pupils[0], stage.id))).ok).toBe(true);
    }
    const mails = await outboxEmails(p, { since });
    const guardians = (await p.guardian.findMany({ where: { pupilId: pupils[0] } })).map((g) => g.email);
    expect(mails.filter((m) => guardians.includes(m.to))).toEqual([]);
    // The third time back in is refused: enrolled then cancelled three times already.
    const again = await enrolAs(secretary.id, stage.id, [pupils[0]]);
    expect(again.ok && again.data.results[0].message).toContain('inscrit puis désinscrit 3 fois');
  } finally {
    await p.user.update({ where: { id: secretary.id }, data: { emailVerified: new Date() } });
  }
});

it('the collège cannot cancel on the stage’s day, nobody after attendance is noted, and no one is promoted into a started stage', async () => {
  const p = db().prisma;
  const today = daysFromNow(0);
  const stage = await makeStage(p, demo, { date: today, start: 600, end: 720, capacity: 1 });
  // Enrolled the evening before (the stage takes no enrolment on its day once started; here it starts at 10 h).
  const r = await enrolAs(principal(), stage.id, [pupils[1]]);
  expect(r.ok && r.data.results[0].outcome).toBe('CONFIRMED');
  const w = await enrolAs(principal(), stage.id, [pupils[2]], { waitlist: true });
  expect(w.ok && w.data.results[0].outcome).toBe('WAITING');
  const id = await activeId(pupils[1], stage.id);
  const byCollege = await cancelAs(principal(), id);
  expect(!byCollege.ok && byCollege.error.message).toBe('Le stage a lieu aujourd’hui : pour annuler, contactez le lycée, qui attend l’élève.');
  // 11 h: started. The lycée marks the pupil absent; then no one cancels it away.
  setNow(new Date(NOW.getTime() + 2 * 3600_000), { frozen: true });
  try {
    actAs(demo.admin.id, demo.host);
    expect((await attendanceAction({ enrolmentId: id, attendance: 'ABSENT' })).ok).toBe(true);
    const byLycee = await cancelAs(demo.admin.id, id);
    expect(!byLycee.ok && byLycee.error.message).toBe('La présence de cet élève est déjà notée : l’inscription ne peut plus être annulée.');
    // Absent, present, absent again: the collège is told once.
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    await attendanceAction({ enrolmentId: id, attendance: 'PRESENT' });
    await attendanceAction({ enrolmentId: id, attendance: 'ABSENT' });
    expect((await outboxEmails(p, { since })).filter((m) => m.subject.startsWith('Absence'))).toEqual([]);
    expect((await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id, pupilId: pupils[2] } })).status).toBe('WAITING');
  } finally {
    setNow(NOW, { frozen: true });
  }
});

it('a professeur principal cannot type a pupil in (a row they could not see after)', async () => {
  const stage = await makeStage(db().prisma, demo, { date: daysFromNow(11), capacity: 5 });
  const pp = team.members.MAIN_TEACHER.user.id;
  const before = await db().prisma.pupil.count();
  const r = await enrolAs(pp, stage.id, [], { newPupil: { lastName: 'Inventé', firstName: 'Élève', level: '3e', classLabel: '', birthDate: '2012-05-01' } });
  expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  expect(await db().prisma.pupil.count()).toBe(before);
});

it('the CSV follows the page’s rule: the Psy-EN, who may not enrol, gets no export', async () => {
  actAs(team.members.COUNSELOR.user.id, demo.host);
  expect((await GET(new Request('http://demo.localhost/api/stagiaires'))).status).toBe(403);
  actAs(principal(), demo.host);
  expect((await GET(new Request('http://demo.localhost/api/stagiaires'))).status).toBe(200);
});

it('reminders not yet due never hold up one that is', async () => {
  const p = db().prisma;
  await p.site.update({ where: { id: demo.site.id }, data: { conventionReminderDays: 7 } });
  const far = await makeStage(p, demo, { date: daysFromNow(25), capacity: 10 });
  const near = await makeStage(p, demo, { date: daysFromNow(3), capacity: 10 });
  for (const pupil of pupils.slice(3, 6)) await enrolAs(principal(), far.id, [pupil]);
  await enrolAs(principal(), near.id, [pupils[3]]);
  await p.enrolment.updateMany({ where: { stageId: { notIn: [far.id, near.id] } }, data: { conventionReminderSentAt: NOW } });
  const r = await sendDueReminders(NOW, 2); // a window of two
  expect(r.convention).toBe(1);
  expect((await p.enrolment.findFirstOrThrow({ where: { stageId: near.id } })).conventionReminderSentAt).not.toBeNull();
});
