// School-year rollover: dry run, anonymisation of the year's pupils, classes removed, staff and
// enrolment statistics kept, resumable steps, refusals.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeClass, makePupil, makeTeam, type Team } from '../factories/college';
import { makeUser } from '../factories/people';
import { previewRollover, rolloverStep, runRollover, startRollover } from '@/lib/classes/rollover';
import { rolloverStepAction, startRolloverAction } from '@/lib/classes/rollover-actions';
import { activeSchoolYear } from '@/lib/reference/school-year';
import { createClass } from '@/lib/classes/service';
import type { AppError } from '@/lib/core/errors';

const db = useTestDb();
const YEAR = 2025; // closed during summer 2026
const SUMMER = new Date('2026-08-20T10:00:00');
let a: Team;
let b: Team;
let operatorId: string;
let enrolledPupilId: string;
let pupilUserIds: string[];

beforeAll(async () => {
  const p = db().prisma;
  operatorId = (await makeUser(p, { email: 'operateur@ministage.localhost', isOperator: true })).id;
  a = await makeTeam(p, { name: 'Collège A' });
  b = await makeTeam(p, { name: 'Collège B' });
  // Year 2025 data in both collèges (the factory's classes/pupils are of the current year: kept).
  for (const t of [a, b]) {
    const room = await makeClass(p, { establishmentId: t.establishmentId, name: '3e 2025', schoolYear: YEAR });
    for (let i = 0; i < 3; i++) await makePupil(p, { establishmentId: t.establishmentId, classRoomId: room.id, schoolYear: YEAR, guardians: 2 });
    await makePupil(p, { establishmentId: t.establishmentId, classRoomId: null, schoolYear: YEAR });
  }
  await makePupil(p, { establishmentId: null, schoolYear: YEAR }); // detached
  // An enrolment of a 2025 pupil of collège A in a lycée stage.
  const lycee = await p.establishment.create({ data: { uai: '0350032V', name: 'Lycée Louis Guilloux', kind: 'LYCEE' } });
  const site = await p.site.create({ data: { establishmentId: lycee.id, name: 'Lycée Démo', slug: 'demo-r' } });
  const formation = await p.formation.create({ data: { siteId: site.id, type: 'Bac pro', name: 'Cuisine' } });
  const stage = await p.stage.create({
    data: { siteId: site.id, formationId: formation.id, date: new Date('2026-03-10'), startMinutes: 540, endMinutes: 720, capacity: 8, enrolledCount: 1 },
  });
  const pupil = await p.pupil.findFirstOrThrow({ where: { establishmentId: a.establishmentId, schoolYear: YEAR, classRoomId: { not: null } } });
  enrolledPupilId = pupil.id;
  await p.enrolment.create({ data: { stageId: stage.id, pupilId: pupil.id, establishmentId: a.establishmentId } });
  pupilUserIds = (await p.pupil.findMany({ where: { schoolYear: YEAR }, select: { userId: true } })).map((x) => x.userId!);
  expect(pupilUserIds.every(Boolean)).toBe(true);
});

describe('dry run', () => {
  it('counts per establishment what would change, and changes nothing', async () => {
    const preview = await previewRollover(YEAR);
    const byName = Object.fromEntries(preview.map((e) => [e.name, e]));
    expect(byName['Collège A']).toMatchObject({ classes: 1, pupils: 4, guardians: 6, accounts: 4, enrolmentsKept: 1 });
    expect(byName['Collège B']).toMatchObject({ classes: 1, pupils: 4, guardians: 6, enrolmentsKept: 0 });
    expect(byName['Élèves rattachés à aucun collège']).toMatchObject({ pupils: 1, classes: 0 });
    const row = await startRollover({ year: YEAR, actorId: operatorId, dryRun: true, now: SUMMER });
    expect(row).toMatchObject({ dryRun: true, finishedAt: SUMMER });
    expect(row.summary).toMatchObject({ total: 3, done: 3 });
    expect(await db().prisma.pupil.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
    expect(await db().prisma.classRoom.count({ where: { schoolYear: YEAR } })).toBe(2);
  });
});

describe('refusals', () => {
  it('refuses to close a school year still running (before 1 July of its last year)', async () => {
    const err = (await startRollover({ year: YEAR, actorId: operatorId, dryRun: false, now: new Date('2026-03-01T10:00:00') }).catch((e) => e)) as AppError;
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/encore en cours.*mercredi 1 juillet 2026/);
  });

  it('is for the platform operator only', async () => {
    for (const who of [a.members.PRINCIPAL.user.id, a.pupilUser.id]) {
      actAs(who);
      expect(await startRolloverAction({ year: YEAR, dryRun: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await rolloverStepAction({ rolloverId: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    actAs(null);
    expect(await startRolloverAction({ year: YEAR, dryRun: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('running the rollover', () => {
  it('processes one establishment per step (progress), then finishes', async () => {
    const row = await startRollover({ year: YEAR, actorId: operatorId, dryRun: false, now: SUMMER });
    const first = await rolloverStep(row.id, SUMMER);
    expect(first).toMatchObject({ done: 1, total: 3, finished: false });
    // Interrupted here: starting again resumes the same run.
    expect((await startRollover({ year: YEAR, actorId: operatorId, dryRun: false, now: SUMMER })).id).toBe(row.id);
    const steps = [first];
    while (!steps[steps.length - 1].finished) steps.push(await rolloverStep(row.id, SUMMER));
    expect(steps.map((s) => s.done)).toEqual([1, 2, 3, 3]);
    const done = await db().prisma.rollover.findUniqueOrThrow({ where: { id: row.id } });
    expect(done.finishedAt).toEqual(SUMMER);
    expect((done.summary as { establishments: unknown[] }).establishments).toHaveLength(3);
    expect(await db().prisma.auditEntry.count({ where: { action: 'rollover.run', targetId: row.id } })).toBe(1);
  });

  it("anonymises that year's pupils: names, birth date, guardians and accounts removed; level, establishment and enrolments kept", async () => {
    const p = db().prisma;
    const pupils = await p.pupil.findMany({ where: { schoolYear: YEAR } });
    expect(pupils).toHaveLength(9);
    for (const pupil of pupils) {
      expect(pupil).toMatchObject({ firstName: null, lastName: null, birthDate: null, classRoomId: null, userId: null, anonymisedAt: SUMMER, level: '3e' });
    }
    expect(pupils.filter((x) => x.establishmentId === a.establishmentId)).toHaveLength(4);
    expect(await p.guardian.count({ where: { pupil: { schoolYear: YEAR } } })).toBe(0);
    expect(await p.user.count({ where: { id: { in: pupilUserIds } } })).toBe(0);
    expect(await p.enrolment.count({ where: { pupilId: enrolledPupilId } })).toBe(1);
  });

  it('removes the classes of that year, keeps the current classes, pupils and staff', async () => {
    const p = db().prisma;
    expect(await p.classRoom.count({ where: { schoolYear: YEAR } })).toBe(0);
    expect(await p.classRoom.count({ where: { id: { in: [a.classA.id, a.classB.id, b.classA.id] } } })).toBe(3);
    expect(await p.pupil.findUniqueOrThrow({ where: { id: a.pupil.id } })).toMatchObject({ anonymisedAt: null, classRoomId: a.classA.id });
    expect(await p.membership.count({ where: { establishmentId: a.establishmentId, status: 'ACTIVE' } })).toBe(7);
    expect(await p.user.count({ where: { id: operatorId } })).toBe(1);
  });

  it('refuses to close the same year twice', async () => {
    const err = (await startRollover({ year: YEAR, actorId: operatorId, dryRun: false, now: SUMMER }).catch((e) => e)) as AppError;
    expect(err.message).toMatch(/déjà été clôturée/);
  });

  it('opens the next school year: classes created afterwards in August belong to it', async () => {
    expect(await activeSchoolYear(db().prisma, SUMMER)).toBe(YEAR + 1);
    const room = await createClass({ establishmentId: b.establishmentId, actorId: b.members.PRINCIPAL.user.id }, { name: '6e A', level: '6e', now: SUMMER });
    expect(room.schoolYear).toBe(YEAR + 1);
  });

  it('the operator drives it through the actions: dry run, then steps until finished', async () => {
    const p = db().prisma;
    const room = await makeClass(p, { establishmentId: a.establishmentId, name: '3e 2024', schoolYear: 2024 });
    await makePupil(p, { establishmentId: a.establishmentId, classRoomId: room.id, schoolYear: 2024 });
    actAs(operatorId);
    expect(await startRolloverAction({ year: 2024, dryRun: true })).toMatchObject({ ok: true, data: { dryRun: true } });
    const started = await startRolloverAction({ year: 2024, dryRun: false });
    expect(started.ok).toBe(true);
    const id = (started as { data: { id: string } }).data.id;
    let progress = await rolloverStepAction({ rolloverId: id });
    while (progress.ok && !progress.data.finished) progress = await rolloverStepAction({ rolloverId: id });
    expect(progress).toMatchObject({ ok: true, data: { finished: true, done: 1, total: 1 } });
    expect(await p.classRoom.count({ where: { id: room.id } })).toBe(0);
  });

  it('runRollover does it all at once for a scheduled job', async () => {
    const p = db().prisma;
    const room = await makeClass(p, { establishmentId: b.establishmentId, name: '3e 2023', schoolYear: 2023 });
    await makePupil(p, { establishmentId: b.establishmentId, classRoomId: room.id, schoolYear: 2023 });
    const seen: number[] = [];
    const result = await runRollover({ year: 2023, actorId: operatorId, onProgress: (pr) => seen.push(pr.done) });
    expect(result).toMatchObject({ finished: true, done: 1 });
    expect(seen).toEqual([1, 1]);
  });
});
