// Who may enrol, cancel and record attendance, through the server actions (as a person on a
// platform's host), on the real database: the collège from the session, the pupils from the
// member's reach, the platform from the host.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makePupil, makeTeam, type Team } from '../factories/college';
import { daysFromNow, icsFields, makeSite, makeStage, NOW, outboxEmails, type TestSite, outboxMark } from '../factories/sites';
import { attendanceAction, cancelEnrolmentAction, enrolAction } from '@/lib/enrolments/actions';
import { listTrainees, stageEnrolments, traineeScopeOf } from '@/lib/enrolments/queries';
import { loadActor } from '@/lib/core/actor';
import { setNow } from '@/lib/core/clock';
import { addDays, parisToUtc } from '@/lib/stages/time';

const db = useTestDb();
let demo: TestSite;
let autre: TestSite;
let team: Team;
let rival: Team;
let stageId = '';
const inA: string[] = [];
const inB: string[] = [];

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  autre = await makeSite(p, { slug: 'autre', uai: '0350040A' });
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  rival = await makeTeam(p, { name: 'Collège des Champs' });
  stageId = (await makeStage(p, demo, { date: daysFromNow(9), capacity: 20 })).id;
  for (let i = 0; i < 4; i++)
    inA.push((await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false, guardians: 1 })).pupil.id);
  for (let i = 0; i < 3; i++) inB.push((await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, withAccount: false })).pupil.id);
});
afterAll(() => setNow(null));

const enrolAs = async (userId: string | null, pupilIds: string[], opts: { host?: string; stage?: string } = {}) => {
  actAs(userId, opts.host ?? demo.host);
  return enrolAction({ stageId: opts.stage ?? stageId, pupilIds });
};
const cancelAs = async (userId: string | null, enrolmentId: string, host = demo.host) => {
  actAs(userId, host);
  return cancelEnrolmentAction({ enrolmentId });
};
const errorCode = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);
const activeRows = (pupilId: string, stage = stageId) => db().prisma.enrolment.findMany({ where: { pupilId, stageId: stage, status: { not: 'CANCELLED' } } });
const enrolmentOf = async (pupilId: string, stage = stageId) =>
  (await db().prisma.enrolment.findFirstOrThrow({ where: { pupilId, stageId: stage, status: { not: 'CANCELLED' } } })).id;

describe('enrolling', () => {
  it('the principal enrols a pupil of the collège, recorded as the one who enrolled', async () => {
    const res = await enrolAs(team.members.PRINCIPAL.user.id, [inA[0]]);
    expect(res.ok && res.data.results.map((r) => r.outcome)).toEqual(['CONFIRMED']);
    const [row] = await activeRows(inA[0]);
    expect({ by: row.enrolledById, est: row.establishmentId }).toEqual({ by: team.members.PRINCIPAL.user.id, est: team.establishmentId });
  });

  it.each(['SECRETARY', 'CPE', 'DEPUTY'] as const)('the %s enrols any pupil of the collège', async (role) => {
    const pupil = (await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id, withAccount: false })).pupil.id;
    const res = await enrolAs(team.members[role].user.id, [pupil]);
    expect(res.ok && res.data.results[0].outcome).toBe('CONFIRMED');
  });

  it('another collège’s principal cannot enrol our pupil: not found among theirs, nothing written', async () => {
    const res = await enrolAs(rival.members.PRINCIPAL.user.id, [inA[1]]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.results).toEqual([
      { pupil: 'Élève', outcome: 'REFUSED', message: 'Élève : Élève introuvable parmi les élèves que vous suivez.', convocation: false },
    ]);
    expect(await activeRows(inA[1])).toHaveLength(0);
  });

  it.each([
    ['a pupil, for themself', () => team.pupilUser.id, () => team.pupil.id],
    ['a teacher without class', () => team.members.TEACHER.user.id, () => inA[1]],
    ['the Psy-EN (reads pupils, does not enrol them)', () => team.members.COUNSELOR.user.id, () => inA[1]],
    ['the platform’s admin (no collège)', () => demo.admin.id, () => inA[1]],
  ])('%s: FORBIDDEN, nothing written', async (_who, user, pupil) => {
    const res = await enrolAs(user(), [pupil()]);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await activeRows(pupil())).toHaveLength(0);
  });

  it('an anonymous visitor is asked to sign in', async () => {
    expect(errorCode(await enrolAs(null, [inA[1]]))).toBe('UNAUTHENTICATED');
  });

  it('a professeur principal enrols the pupils of their class, not those of another class', async () => {
    const res = await enrolAs(team.members.MAIN_TEACHER.user.id, [inA[1], inB[0]]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.results.map((r) => r.outcome)).toEqual(['CONFIRMED', 'REFUSED']);
    expect(res.data.results[1].message).toBe('Élève : Élève introuvable parmi les élèves que vous suivez.');
    expect(await activeRows(inB[0])).toHaveLength(0);
  });

  it('a professeur principal whose class link is removed no longer reaches its pupils', async () => {
    const p = db().prisma;
    const pp = team.members.MAIN_TEACHER;
    await p.classTeacher.deleteMany({ where: { membershipId: pp.membership.id, classRoomId: team.classA.id } });
    try {
      const res = await enrolAs(pp.user.id, [inA[2]]);
      expect(res.ok && res.data.results[0].outcome).toBe('REFUSED');
    } finally {
      await p.classTeacher.create({ data: { classRoomId: team.classA.id, membershipId: pp.membership.id } });
    }
  });

  it('a stage of another platform is not found from this platform’s host', async () => {
    const there = await makeStage(db().prisma, autre, { date: daysFromNow(9) });
    const res = await enrolAs(team.members.PRINCIPAL.user.id, [inA[3]], { stage: there.id });
    const pupil = await db().prisma.pupil.findUniqueOrThrow({ where: { id: inA[3] } });
    expect(res.ok && res.data.results[0].message).toBe(
      `${pupil.firstName} ${pupil.lastName} : Stage introuvable. Il a peut-être été supprimé, ou il ne dépend pas de votre établissement.`,
    );
    expect(await activeRows(inA[3], there.id)).toHaveLength(0);
  });
});

describe('cancelling', () => {
  it('another collège’s principal cannot cancel our enrolment (NOT_FOUND), nor can a teacher (FORBIDDEN)', async () => {
    const id = await enrolmentOf(inA[0]);
    expect(errorCode(await cancelAs(rival.members.PRINCIPAL.user.id, id))).toBe('NOT_FOUND');
    expect(errorCode(await cancelAs(team.members.TEACHER.user.id, id))).toBe('FORBIDDEN');
    expect(errorCode(await cancelAs(team.pupilUser.id, id))).toBe('FORBIDDEN');
    expect((await db().prisma.enrolment.findUniqueOrThrow({ where: { id } })).status).toBe('CONFIRMED');
  });

  it('a professeur principal cannot cancel the enrolment of another class’s pupil made by the principal, but cancels their own class’s', async () => {
    const p = db().prisma;
    expect((await enrolAs(team.members.PRINCIPAL.user.id, [inB[1]])).ok).toBe(true);
    const other = await enrolmentOf(inB[1]);
    expect(errorCode(await cancelAs(team.members.MAIN_TEACHER.user.id, other))).toBe('NOT_FOUND');
    expect((await p.enrolment.findUniqueOrThrow({ where: { id: other } })).status).toBe('CONFIRMED');
    const own = await enrolmentOf(inA[1]);
    expect(errorCode(await cancelAs(team.members.MAIN_TEACHER.user.id, own))).toBe('OK');
    expect((await p.enrolment.findUniqueOrThrow({ where: { id: own } })).status).toBe('CANCELLED');
  });

  it('the lycée’s staff cancel any enrolment of their platform; the collège gets the cancelled invitation', async () => {
    const p = db().prisma;
    const id = await enrolmentOf(inB[1]);
    const since = await outboxMark();
    const res = await cancelAs(demo.teacherUser.id, id);
    expect(res.ok).toBe(true);
    expect((await p.enrolment.findUniqueOrThrow({ where: { id } })).status).toBe('CANCELLED');
    const audit = await p.auditEntry.findFirstOrThrow({ where: { action: 'enrolment.cancel', targetId: id } });
    expect({ actor: audit.actorId, by: (audit.data as { by: string }).by }).toEqual({ actor: demo.teacherUser.id, by: 'lycee' });
    const [mail] = await outboxEmails(p, { to: team.members.PRINCIPAL.user.email!, since });
    expect(mail.subject).toMatch(/^Inscription annulée : /);
    expect(icsFields(mail.files[0].text)).toMatchObject({ METHOD: 'CANCEL', UID: `enrolment-${id}@ministage`, STATUS: 'CANCELLED' });
  });
});

describe('one platform’s staff and another platform’s enrolments', () => {
  let thereStage = '';
  let thereEnrolment = '';

  beforeAll(async () => {
    thereStage = (await makeStage(db().prisma, autre, { date: daysFromNow(12) })).id;
    const res = await enrolAs(team.members.PRINCIPAL.user.id, [inA[3]], { host: autre.host, stage: thereStage });
    expect(res.ok && res.data.results[0].outcome).toBe('CONFIRMED');
    thereEnrolment = await enrolmentOf(inA[3], thereStage);
  });

  const seenBy = async (userId: string, site: TestSite, stage: string) => {
    const actor = await loadActor({ userId, host: site.host });
    const scope = traineeScopeOf(actor)!;
    return {
      list: (await listTrainees(site.site.id, scope, { past: true })).map((t) => t.id),
      stage: (await stageEnrolments(site.site.id, stage, scope)).map((e) => e.id),
    };
  };

  it('are invisible to the first platform’s staff in « Stagiaires » and the stage’s pupils, visible to their own', async () => {
    const mine = await seenBy(demo.admin.id, demo, thereStage);
    expect(mine.list).not.toContain(thereEnrolment);
    expect(mine.list.length).toBeGreaterThan(0);
    expect(mine.stage).toEqual([]);
    const theirs = await seenBy(autre.admin.id, autre, thereStage);
    expect(theirs.list).toEqual([thereEnrolment]);
    expect(theirs.stage).toEqual([thereEnrolment]);
  });

  it('cannot be cancelled by the first platform’s staff, from its host (NOT_FOUND) or from the other’s (FORBIDDEN)', async () => {
    expect(errorCode(await cancelAs(demo.admin.id, thereEnrolment, demo.host))).toBe('NOT_FOUND');
    expect(errorCode(await cancelAs(demo.admin.id, thereEnrolment, autre.host))).toBe('FORBIDDEN');
    expect((await db().prisma.enrolment.findUniqueOrThrow({ where: { id: thereEnrolment } })).status).toBe('CONFIRMED');
  });
});

describe('attendance', () => {
  let day = '';
  let confirmed = '';
  let waiting = '';

  beforeAll(async () => {
    const p = db().prisma;
    day = daysFromNow(2);
    const stage = await makeStage(p, demo, { date: day, capacity: 1 });
    const a = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false })).pupil.id;
    const b = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false })).pupil.id;
    actAs(team.members.PRINCIPAL.user.id, demo.host);
    expect((await enrolAction({ stageId: stage.id, pupilIds: [a] })).ok).toBe(true);
    expect((await enrolAction({ stageId: stage.id, pupilIds: [b], waitlist: true })).ok).toBe(true);
    confirmed = await enrolmentOf(a, stage.id);
    waiting = await enrolmentOf(b, stage.id);
  });
  afterEach(() => setNow(NOW, { frozen: true }));

  const mark = (userId: string, enrolmentId: string, attendance: 'PRESENT' | 'ABSENT', host = demo.host) => {
    actAs(userId, host);
    return attendanceAction({ enrolmentId, attendance });
  };
  const onStageDay = () => setNow(parisToUtc(day, 10 * 60), { frozen: true });

  it('the collège cannot record it (FORBIDDEN)', async () => {
    onStageDay();
    expect(errorCode(await mark(team.members.PRINCIPAL.user.id, confirmed, 'PRESENT'))).toBe('FORBIDDEN');
  });

  it('the platform’s staff cannot record it before the stage’s day', async () => {
    const res = await mark(demo.teacherUser.id, confirmed, 'PRESENT');
    expect(res.ok ? null : res.error).toMatchObject({ code: 'CONFLICT', message: 'La présence se note le jour du stage, pas avant.' });
    expect((await db().prisma.enrolment.findUniqueOrThrow({ where: { id: confirmed } })).attendance).toBeNull();
  });

  it('another platform’s staff cannot record it (NOT_FOUND)', async () => {
    onStageDay();
    expect(errorCode(await mark(autre.admin.id, confirmed, 'ABSENT', autre.host))).toBe('NOT_FOUND');
  });

  it('a waiting pupil has no attendance', async () => {
    onStageDay();
    const res = await mark(demo.teacherUser.id, waiting, 'PRESENT');
    expect(res.ok ? null : res.error).toMatchObject({ code: 'CONFLICT', message: 'Seuls les élèves inscrits à un stage maintenu ont une présence à noter.' });
  });

  it('on the day: present sends nothing; absent emails the collège member who enrolled, once', async () => {
    const p = db().prisma;
    onStageDay();
    const since = await outboxMark();
    expect(await mark(demo.teacherUser.id, confirmed, 'PRESENT')).toEqual({ ok: true, data: { emails: 0 } });
    expect((await p.enrolment.findUniqueOrThrow({ where: { id: confirmed } })).attendance).toBe('PRESENT');
    expect(await mark(demo.teacherUser.id, confirmed, 'ABSENT')).toEqual({ ok: true, data: { emails: 1 } });
    expect(await mark(demo.admin.id, confirmed, 'ABSENT')).toEqual({ ok: true, data: { emails: 0 } });
    const mails = await outboxEmails(p, { since });
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[team.members.PRINCIPAL.user.email, expect.stringMatching(/^Absence au mini-stage : /)]]);
    expect((await p.enrolment.findUniqueOrThrow({ where: { id: confirmed } })).attendance).toBe('ABSENT');
  });

  it('the day after the stage it can still be corrected', async () => {
    setNow(parisToUtc(addDays(day, 1), 9 * 60), { frozen: true });
    expect((await mark(demo.teacherUser.id, confirmed, 'PRESENT')).ok).toBe(true);
  });
});
