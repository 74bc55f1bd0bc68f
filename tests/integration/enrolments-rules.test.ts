// The enrolment rules as lib/enrolments/service.ts enforces them, on the real database: one active
// enrolment per pupil and stage (also under concurrency), overlapping stages, closed stages,
// audience, and the pupil typed in by a collège that does not use classes.
import { useTestDb } from '../helpers/db';
import { daysFromNow, makeCollege, makeSite, makeStage, NOW, principalOf, setAudience, TODAY, type TestCollege, type TestSite } from '../factories/sites';
import { cancelEnrolment, enrolPupils, type EnrollingMember } from '@/lib/enrolments/service';
import { dbDay } from '@/lib/core/format';

const db = useTestDb();
const origin = 'http://demo.localhost';
let demo: TestSite;
let autre: TestSite;
let ormeaux: TestCollege;
let other: TestCollege;
let member: EnrollingMember;
let pupilNo = 0;
/** A pupil of les Ormeaux not used by another test. */
const freshPupil = () => ormeaux.pupils[pupilNo++].id;

/** Wednesday 2 December 2026 (9 days after NOW). */
const D = daysFromNow(9);

beforeAll(async () => {
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  autre = await makeSite(p, { slug: 'autre', uai: '0350040A', name: 'Lycée Autre Rive' });
  ormeaux = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 30 });
  other = await makeCollege(p, { uai: '0350034X', name: 'Collège des Champs', pupils: 2 });
  member = await principalOf(p, ormeaux);
});

const enrolIn = (stageId: string, pupilIds: string[], over: Partial<Parameters<typeof enrolPupils>[0]> = {}) =>
  enrolPupils({ siteId: demo.site.id, stageId, member, pupilIds, waitlist: false, now: NOW, ...over });

const stageRow = (id: string) => db().prisma.stage.findUniqueOrThrow({ where: { id }, select: { enrolledCount: true } });
const rowsOf = (stageId: string, pupilId?: string) => db().prisma.enrolment.findMany({ where: { stageId, pupilId }, select: { status: true, pupilId: true } });

describe('one active enrolment per pupil and stage', () => {
  it('refuses the same pupil a second time, and keeps one row and one seat', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const pupil = freshPupil();
    expect((await enrolIn(stage.id, [pupil]))[0].outcome).toBe('CONFIRMED');
    const [again] = await enrolIn(stage.id, [pupil]);
    expect(again.outcome).toBe('REFUSED');
    expect(again.message).toMatch(/ : Cet élève est déjà inscrit à ce stage\.$/);
    expect(await rowsOf(stage.id)).toHaveLength(1);
    expect((await stageRow(stage.id)).enrolledCount).toBe(1);
  });

  it('says so when the pupil is already on the waiting list', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D, capacity: 1, enrolled: 1 });
    const pupil = freshPupil();
    expect((await enrolIn(stage.id, [pupil], { waitlist: true }))[0].outcome).toBe('WAITING');
    const [again] = await enrolIn(stage.id, [pupil], { waitlist: true });
    expect(again.outcome).toBe('REFUSED');
    expect(again.message).toMatch(/Cet élève est déjà en liste d’attente pour ce stage\.$/);
    expect(await rowsOf(stage.id)).toHaveLength(1);
  });

  it('two enrolments of the same pupil at the same moment: one row, one seat, one refusal', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D, capacity: 5 });
    const pupil = freshPupil();
    const results = (await Promise.all([enrolIn(stage.id, [pupil]), enrolIn(stage.id, [pupil])])).flat();
    expect(results.map((r) => r.outcome).sort()).toEqual(['CONFIRMED', 'REFUSED']);
    expect(await rowsOf(stage.id)).toEqual([{ status: 'CONFIRMED', pupilId: pupil }]);
    expect((await stageRow(stage.id)).enrolledCount).toBe(1);
  });

  it('the same pupil chosen twice in one form counts once', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const pupil = freshPupil();
    const results = await enrolIn(stage.id, [pupil, pupil]);
    expect(results.map((r) => r.outcome)).toEqual(['CONFIRMED']);
    expect((await stageRow(stage.id)).enrolledCount).toBe(1);
  });

  it('a cancelled enrolment does not prevent enrolling the pupil again', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const pupil = freshPupil();
    expect((await enrolIn(stage.id, [pupil]))[0].outcome).toBe('CONFIRMED');
    const first = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id, pupilId: pupil } });
    await cancelEnrolment({ siteId: demo.site.id, enrolmentId: first.id, by: { kind: 'college', ...member }, origin, now: NOW });
    expect((await stageRow(stage.id)).enrolledCount).toBe(0);
    const [again] = await enrolIn(stage.id, [pupil]);
    expect(again.outcome).toBe('CONFIRMED');
    expect((await rowsOf(stage.id, pupil)).map((r) => r.status).sort()).toEqual(['CANCELLED', 'CONFIRMED']);
    expect((await stageRow(stage.id)).enrolledCount).toBe(1);
  });
});

describe('overlapping stages', () => {
  it('refuses a pupil already enrolled at the same time on another platform, naming that stage and platform', async () => {
    const there = await makeStage(db().prisma, autre, { date: D, formation: 'cuisine', start: 540, end: 720 });
    const here = await makeStage(db().prisma, demo, { date: D, start: 600, end: 780 });
    const pupil = freshPupil();
    expect((await enrolPupils({ siteId: autre.site.id, stageId: there.id, member, pupilIds: [pupil], waitlist: false, now: NOW }))[0].outcome).toBe('CONFIRMED');
    const [r] = await enrolIn(here.id, [pupil]);
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toContain(
      'Cet élève est déjà inscrit au même moment à un autre stage : « CAP Cuisine autre » (Lycée Autre Rive), le mercredi 2 décembre 2026 de 9 h 00 à 12 h 00.',
    );
    expect(await rowsOf(here.id)).toHaveLength(0);
    expect((await stageRow(here.id)).enrolledCount).toBe(0);
  });

  it('a waiting-list place elsewhere at the same time also counts', async () => {
    const full = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 540, end: 720, capacity: 1, enrolled: 1 });
    const here = await makeStage(db().prisma, demo, { date: D, start: 660, end: 780 });
    const pupil = freshPupil();
    expect((await enrolIn(full.id, [pupil], { waitlist: true }))[0].outcome).toBe('WAITING');
    const [r] = await enrolIn(here.id, [pupil]);
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toContain('« CAP Cuisine demo »');
  });

  it('accepts adjacent stages (one ends at 12 h, the other starts at 12 h), and the same hours another day', async () => {
    const morning = await makeStage(db().prisma, demo, { date: D, start: 540, end: 720 });
    const afternoon = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 720, end: 900 });
    const nextDay = await makeStage(db().prisma, demo, { date: daysFromNow(10), start: 540, end: 720 });
    const pupil = freshPupil();
    expect((await enrolIn(morning.id, [pupil]))[0].outcome).toBe('CONFIRMED');
    expect((await enrolIn(afternoon.id, [pupil]))[0].outcome).toBe('CONFIRMED');
    expect((await enrolIn(nextDay.id, [pupil]))[0].outcome).toBe('CONFIRMED');
  });

  it('a cancelled enrolment at the same time no longer blocks', async () => {
    const first = await makeStage(db().prisma, demo, { date: D, start: 540, end: 720 });
    const second = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 600, end: 720 });
    const pupil = freshPupil();
    await enrolIn(first.id, [pupil]);
    const e = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: first.id, pupilId: pupil } });
    await cancelEnrolment({ siteId: demo.site.id, enrolmentId: e.id, by: { kind: 'college', ...member }, origin, now: NOW });
    expect((await enrolIn(second.id, [pupil]))[0].outcome).toBe('CONFIRMED');
  });

  it('two overlapping stages enrolled at the same moment for one pupil: only one is taken', async () => {
    const a = await makeStage(db().prisma, demo, { date: D, start: 540, end: 720 });
    const b = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 600, end: 780 });
    const pupil = freshPupil();
    const results = (await Promise.all([enrolIn(a.id, [pupil]), enrolIn(b.id, [pupil])])).flat();
    expect(results.map((r) => r.outcome).sort()).toEqual(['CONFIRMED', 'REFUSED']);
    expect(await db().prisma.enrolment.count({ where: { pupilId: pupil, status: { not: 'CANCELLED' } } })).toBe(1);
  });
});

describe('a stage that takes no enrolment', () => {
  it.each([
    ['a cancelled stage', { date: D, status: 'CANCELLED' as const }, 'Ce stage est annulé : il ne prend plus d’inscription.'],
    ['a past stage', { date: daysFromNow(-2) }, 'Ce stage a déjà eu lieu : il ne prend plus d’inscription.'],
    ['a stage that started this morning', { date: TODAY, start: 480, end: 720 }, 'Ce stage a déjà commencé : il ne prend plus d’inscription.'],
  ])('%s: refused with its reason on each pupil’s line, nothing written', async (_what, data, reason) => {
    const stage = await makeStage(db().prisma, demo, data);
    const pupils = await db().prisma.pupil.findMany({ where: { id: { in: [freshPupil(), freshPupil()] } }, orderBy: { id: 'asc' } });
    const results = await enrolIn(
      stage.id,
      pupils.map((p) => p.id),
      { waitlist: true },
    );
    expect(results.map((r) => [r.outcome, r.message])).toEqual(pupils.map((p) => ['REFUSED', `${p.firstName} ${p.lastName} : ${reason}`]));
    expect(await rowsOf(stage.id)).toHaveLength(0);
    expect((await stageRow(stage.id)).enrolledCount).toBe(0);
  });

  it('a stage later today still takes enrolments', async () => {
    const stage = await makeStage(db().prisma, demo, { date: TODAY, start: 14 * 60, end: 16 * 60 });
    expect((await enrolIn(stage.id, [freshPupil()]))[0].outcome).toBe('CONFIRMED');
  });

  it('another platform’s stage is not found from this platform', async () => {
    const there = await makeStage(db().prisma, autre, { date: D });
    const [r] = await enrolIn(there.id, [freshPupil()]);
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toContain('Stage introuvable.');
    expect(await rowsOf(there.id)).toHaveLength(0);
  });
});

describe('the stage’s « Public »', () => {
  it('refuses a pupil whose level the stage is not for, naming both', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    await setAudience(db().prisma, stage.id, ['4e', '3e SEGPA']);
    const [r] = await enrolIn(stage.id, [freshPupil()]);
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toContain('Ce stage est réservé aux élèves de 4e, 3e SEGPA (niveau de l’élève : 3e).');
    expect(await rowsOf(stage.id)).toHaveLength(0);
  });

  it('takes the class’s level before the pupil’s own, and asks for a class when there is neither', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D });
    // In a 3e class but recorded as 4e: the class decides.
    const inClass = await p.pupil.update({ where: { id: freshPupil() }, data: { level: '4e' } });
    const unplaced = await p.pupil.create({ data: { establishmentId: ormeaux.est.id, schoolYear: 2026, firstName: 'Sans', lastName: 'Niveau' } });
    const results = await enrolIn(stage.id, [inClass.id, unplaced.id]);
    expect(results.map((r) => r.outcome)).toEqual(['CONFIRMED', 'REFUSED']);
    expect(results[1].message).toBe('Sans Niveau : Ce stage est réservé aux élèves de 3e : indiquez d’abord la classe de l’élève.');
  });

  it('a stage without « Public » takes any pupil, even a 6e without class', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D });
    await setAudience(p, stage.id, []);
    const sixth = await p.pupil.create({ data: { establishmentId: ormeaux.est.id, schoolYear: 2026, firstName: 'Petit', lastName: 'Sixième', level: '6e' } });
    expect((await enrolIn(stage.id, [sixth.id]))[0].outcome).toBe('CONFIRMED');
  });
});

describe('several pupils in one form', () => {
  it('each pupil in its own transaction: a refusal in the middle does not undo the others', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const [a, b] = [freshPupil(), freshPupil()];
    const results = await enrolIn(stage.id, [a, other.pupils[0].id, b]);
    expect(results.map((r) => r.outcome)).toEqual(['CONFIRMED', 'REFUSED', 'CONFIRMED']);
    expect(results[1].message).toBe('Élève : Élève introuvable parmi les élèves que vous suivez.');
    expect((await rowsOf(stage.id)).map((r) => r.pupilId).sort()).toEqual([a, b].sort());
    expect((await stageRow(stage.id)).enrolledCount).toBe(2);
  });
});

describe('a pupil typed in by the collège (no classes used)', () => {
  const typed = { lastName: 'Morel', firstName: 'Léa', level: '3e prépa-métiers' as const, classLabel: '3e B', birthDate: '2012-05-04' };

  it('is created in the collège without class, with its level and class label, and enrolled', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D });
    const [r] = await enrolIn(stage.id, [], { newPupil: typed });
    expect(r).toMatchObject({ pupil: 'Léa Morel', outcome: 'CONFIRMED' });
    const pupil = await p.pupil.findFirstOrThrow({ where: { lastName: 'Morel', firstName: 'Léa' } });
    expect({
      est: pupil.establishmentId,
      classRoomId: pupil.classRoomId,
      level: pupil.level,
      classLabel: pupil.classLabel,
      birth: dbDay(pupil.birthDate!),
      year: pupil.schoolYear,
    }).toEqual({
      est: ormeaux.est.id,
      classRoomId: null,
      level: '3e prépa-métiers',
      classLabel: '3e B',
      birth: '2012-05-04',
      year: 2026,
    });
    expect(await rowsOf(stage.id)).toEqual([{ status: 'CONFIRMED', pupilId: pupil.id }]);
    const enrolment = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const audit = await p.auditEntry.findFirstOrThrow({
      where: { action: 'enrolment.create', siteId: demo.site.id, establishmentId: ormeaux.est.id, targetId: enrolment.id },
    });
    expect(audit.data).toMatchObject({ pupilId: pupil.id, typedIn: true, status: 'CONFIRMED' });
  });

  it('a twin of an existing pupil (same names, whatever the case, same birth date) is refused and not created', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D });
    await p.pupil.create({
      data: { establishmentId: ormeaux.est.id, schoolYear: 2026, firstName: 'Jules', lastName: 'Hamon', birthDate: new Date('2012-01-09T00:00:00Z'), level: '3e' },
    });
    const before = await p.pupil.count();
    const [r] = await enrolIn(stage.id, [], { newPupil: { ...typed, lastName: 'HAMON', firstName: 'jules', birthDate: '2012-01-09' } });
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toBe('jules HAMON : Cet élève existe déjà dans votre collège : choisissez-le dans la liste des élèves (ou demandez au secrétariat).');
    expect(await p.pupil.count()).toBe(before);
    // Another birth date: another pupil.
    const [namesake] = await enrolIn(stage.id, [], { newPupil: { ...typed, lastName: 'Hamon', firstName: 'Jules', birthDate: '2012-02-09' } });
    expect(namesake.outcome).toBe('CONFIRMED');
    expect(await p.pupil.count()).toBe(before + 1);
  });

  it('the same names and birth date in another collège are not a twin', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D });
    await p.pupil.create({
      data: { establishmentId: other.est.id, schoolYear: 2026, firstName: 'Inès', lastName: 'Roux', birthDate: new Date('2012-06-01T00:00:00Z'), level: '3e' },
    });
    const [r] = await enrolIn(stage.id, [], { newPupil: { ...typed, lastName: 'Roux', firstName: 'Inès', birthDate: '2012-06-01' } });
    expect(r.outcome).toBe('CONFIRMED');
  });

  it.each([
    [
      'the stage is full (no waiting list)',
      { capacity: 1, enrolled: 1 },
      typed,
      'Ce stage est complet : inscrivez l’élève en liste d’attente, ou choisissez un autre stage.',
    ],
    ['the stage is not for its level', {}, { ...typed, level: '5e' as const }, 'Ce stage est réservé aux élèves de 3e (niveau de l’élève : 5e).'],
  ])('is not created when the enrolment is refused: %s', async (_what, stageData, newPupil, reason) => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, ...stageData });
    const before = await p.pupil.count();
    const [r] = await enrolIn(stage.id, [], { newPupil: { ...newPupil, lastName: 'Absent', firstName: 'Noé' } });
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toBe(`Noé Absent : ${reason}`);
    expect(await p.pupil.count()).toBe(before);
    expect(await p.pupil.count({ where: { lastName: 'Absent' } })).toBe(0);
  });

  it('is created and put on the waiting list when the stage is full and the waiting list asked', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, capacity: 1, enrolled: 1 });
    const [r] = await enrolIn(stage.id, [], { newPupil: { ...typed, lastName: 'Attente', firstName: 'Lou' }, waitlist: true });
    expect(r.outcome).toBe('WAITING');
    expect(await p.pupil.count({ where: { lastName: 'Attente', classRoomId: null } })).toBe(1);
  });
});
