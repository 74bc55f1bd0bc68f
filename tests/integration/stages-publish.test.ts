// Publishing, editing, duplicating and cancelling stages through the server actions, as the
// platform's teacher on the platform's host, on the real database.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { enrol, makeCollege, makeSite, makeStage, pastDay, stageDay, weekdayFrom, type TestCollege, type TestSite } from '../factories/sites';
import { cancelStageAction, createStageAction, duplicateStageAction, updateStageAction } from '@/lib/stages/actions';
import { RULE_MESSAGES } from '@/lib/stages/rules';
import { dbDay } from '@/lib/core/format';
import { addDays, dayToDb, minutesToTime, weekday } from '@/lib/stages/time';
import { publicHolidays, schoolHolidays } from '@/lib/reference/holidays';

const db = useTestDb();
let demo: TestSite;
let college: TestCollege;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  college = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 4 });
});
beforeEach(() => actAs(demo.teacherUser.id, demo.host));

const form = (over: Record<string, unknown> = {}) => ({
  formationId: demo.formations.elec.id,
  stageType: 'Mini-stage',
  date: stageDay(10, 3),
  startTime: '09:00',
  endTime: '12:00',
  scheduleDetail: 'Matin',
  capacity: 8,
  teacherId: demo.teachers.durand.id,
  place: 'Atelier B12',
  audience: ['3e'],
  description: 'Atelier',
  ...over,
});

/** The next weekday (Mon–Sat) that is a public holiday, after today. */
function nextPublicHoliday(): string {
  const today = dbDay(new Date());
  const year = Number(today.slice(0, 4));
  return [...publicHolidays(year), ...publicHolidays(year + 1)].map((h) => h.date).find((d) => d > today && weekday(d) !== 0)!;
}

describe('publishing a stage', () => {
  it('publishes a valid stage with its hours in minutes and its date as a calendar day', async () => {
    const res = await createStageAction(form());
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = await db().prisma.stage.findUniqueOrThrow({ where: { id: res.data.id } });
    expect({ site: row.siteId, day: dbDay(row.date), start: row.startMinutes, end: row.endMinutes, by: row.createdById, status: row.status }).toEqual({
      site: demo.site.id,
      day: form().date,
      start: 540,
      end: 720,
      by: demo.teacherUser.id,
      status: 'PUBLISHED',
    });
  });

  it.each([
    ['a Sunday', { date: weekdayFrom(10, 0) }, 'date', RULE_MESSAGES.sunday],
    ['a past day', { date: pastDay() }, 'date', RULE_MESSAGES.past],
    ['an end before the start', { startTime: '14:00', endTime: '13:00' }, 'endTime', RULE_MESSAGES.endAfterStart],
    ['more than 7 hours', { startTime: '08:00', endTime: '15:30' }, 'endTime', RULE_MESSAGES.tooLong],
    ['a start before 6:00', { startTime: '05:30', endTime: '08:00' }, 'startTime', RULE_MESSAGES.tooEarly],
    ['an end after 20:00', { startTime: '18:00', endTime: '20:30' }, 'endTime', RULE_MESSAGES.tooLate],
    ['no place', { capacity: 0 }, 'capacity', RULE_MESSAGES.capacityMin],
    ['a capacity above 60', { capacity: 200 }, 'capacity', RULE_MESSAGES.capacityMax],
  ])('refuses %s, says why next to the field, and saves nothing', async (_what, over, field, message) => {
    const before = await db().prisma.stage.count();
    const res = await createStageAction(form(over));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.fieldErrors?.[field]).toContain(message);
    expect(await db().prisma.stage.count()).toBe(before);
  });

  it('refuses a public holiday', async () => {
    const res = await createStageAction(form({ date: nextPublicHoliday() }));
    expect(res.ok ? null : res.error.fieldErrors?.date?.[0]).toMatch(/^Ce jour est férié \(.+\) : un stage ne peut pas avoir lieu ce jour-là/);
  });

  it('publishes in the school holidays of the lycée’s zone, with a warning', async () => {
    const today = dbDay(new Date());
    const day = schoolHolidays('B')
      .flatMap((h) => [h.start, addDays(h.start, 1), addDays(h.start, 2), addDays(h.start, 3)])
      .find((d) => d > addDays(today, 1) && weekday(d) !== 0 && !publicHolidays(Number(d.slice(0, 4))).some((p) => p.date === d));
    if (!day) return; // the school calendar table does not reach that far
    const res = await createStageAction(form({ date: day }));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.data.warning).toMatch(/^Attention : .* tombe pendant les vacances scolaires \(.*zone B\)/);
  });

  it('refuses a formation of the platform that does not exist', async () => {
    const res = await createStageAction(form({ formationId: 'inconnue' }));
    expect(res.ok ? null : res.error.code).toBe('NOT_FOUND');
  });
});

describe('editing a stage', () => {
  it('changes the hours and the capacity', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(12) });
    const res = await updateStageAction({ id: stage.id, ...form({ date: stageDay(12), startTime: '13:30', endTime: '16:30', capacity: 5 }) });
    expect(res.ok).toBe(true);
    const row = await db().prisma.stage.findUniqueOrThrow({ where: { id: stage.id } });
    expect([row.startMinutes, row.endMinutes, row.capacity]).toEqual([810, 990, 5]);
  });

  it('never lowers the capacity below the pupils already enrolled', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(12), capacity: 6 });
    await enrol(db().prisma, stage.id, college, [0, 1, 2]);
    const res = await updateStageAction({ id: stage.id, ...form({ date: stageDay(12), capacity: 2 }) });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('CONFLICT');
    expect(res.error.fieldErrors?.capacity).toEqual(['3 élèves sont déjà inscrits : la capacité ne peut pas être inférieure à 3.']);
    expect((await db().prisma.stage.findUniqueOrThrow({ where: { id: stage.id } })).capacity).toBe(6);
    expect((await updateStageAction({ id: stage.id, ...form({ date: stageDay(12), capacity: 3 }) })).ok).toBe(true);
  });
});

describe('duplicating a stage', () => {
  it('creates the valid dates and reports each refused one with its reason', async () => {
    const source = await makeStage(db().prisma, demo, { date: stageDay(7, 3), start: 540, end: 720 });
    const src = dbDay(source.date);
    const sunday = weekdayFrom(14, 0);
    const past = pastDay();
    const good = stageDay(15, 2);
    const res = await duplicateStageAction({ id: source.id, mode: 'dates', dates: [good, sunday, past, src, good], weekday: 3, until: '' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.created.map((c) => c.date)).toEqual([good]);
    expect(res.data.refused).toEqual([
      { date: sunday, reason: RULE_MESSAGES.sunday },
      { date: past, reason: RULE_MESSAGES.past },
      { date: src, reason: 'C’est le jour du stage d’origine.' },
      { date: good, reason: 'Date saisie deux fois.' },
    ]);
    const copy = await db().prisma.stage.findUniqueOrThrow({ where: { id: res.data.created[0].id } });
    expect([copy.formationId, copy.teacherId, copy.startMinutes, copy.endMinutes, copy.capacity, copy.enrolledCount]).toEqual([
      source.formationId,
      source.teacherId,
      540,
      720,
      source.capacity,
      0,
    ]);
  });

  it('repeats every Wednesday until a date, skipping an existing identical stage', async () => {
    const source = await makeStage(db().prisma, demo, { date: stageDay(3, 3), formation: 'cuisine', start: 600, end: 660 });
    const src = dbDay(source.date);
    const wednesdays = [1, 2, 3, 4].map((k) => addDays(src, 7 * k));
    await makeStage(db().prisma, demo, { date: wednesdays[1], formation: 'cuisine', start: 600, end: 660 });
    const res = await duplicateStageAction({ id: source.id, mode: 'weekly', dates: [], weekday: 3, until: wednesdays[3] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const holidays = new Set(
      publicHolidays(Number(src.slice(0, 4)))
        .concat(publicHolidays(Number(src.slice(0, 4)) + 1))
        .map((h) => h.date),
    );
    const expected = wednesdays.filter((d, i) => i !== 1 && !holidays.has(d));
    expect(res.data.created.map((c) => c.date)).toEqual(expected);
    expect(res.data.refused.find((r) => r.date === wednesdays[1])?.reason).toBe('Un stage de cette formation existe déjà ce jour-là à la même heure.');
  });
});

describe('cancelling a stage', () => {
  it('cancels with its reason and tells the collège staff and each guardian with an email, through the outbox', async () => {
    const other = await makeCollege(db().prisma, { uai: '0352274G', name: 'Collège Françoise Dolto', pupils: 1, guardianEmails: false });
    const stage = await makeStage(db().prisma, demo, { date: stageDay(9), capacity: 5 });
    await enrol(db().prisma, stage.id, college, [0, 1]);
    await enrol(db().prisma, stage.id, other, [0]);
    const before = await db().prisma.outboxEmail.count();
    const res = await cancelStageAction({ id: stage.id, reason: 'Enseignant en formation ce jour-là.' });
    expect(res).toEqual({ ok: true, data: { id: stage.id, enrolmentsCancelled: 3, emails: 4 } });
    const row = await db().prisma.stage.findUniqueOrThrow({ where: { id: stage.id }, include: { enrolments: true } });
    expect([row.status, row.cancelReason, row.enrolledCount]).toEqual(['CANCELLED', 'Enseignant en formation ce jour-là.', 0]);
    expect(row.enrolments.every((e) => e.status === 'CANCELLED')).toBe(true);
    const mails = await db().prisma.outboxEmail.findMany({ where: { template: 'stage-cancelled' }, orderBy: { to: 'asc' } });
    expect(mails).toHaveLength(4);
    expect(await db().prisma.outboxEmail.count()).toBe(before + 4);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [college.principal.email, other.principal.email, ...college.pupils.slice(0, 2).map((_, i) => `parent${i + 1}@example.fr`)].sort(),
    );
    const toStaff = mails.find((m) => m.to === college.principal.email)!;
    expect(toStaff.subject).toMatch(/^Mini-stage annulé : Bac pro Métiers de l'électricité demo, /);
    expect(toStaff.text).toContain('Motif : Enseignant en formation ce jour-là.');
    expect(toStaff.text).toContain(`${college.pupils[0].firstName} ${college.pupils[0].lastName}`);
    expect(toStaff.text).toContain(`${minutesToTime(540).replace(/^0/, '').replace(':', ' h ')}`);
  });

  it('refuses to cancel twice or without a reason', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(9) });
    expect((await cancelStageAction({ id: stage.id, reason: 'Fermeture exceptionnelle.' })).ok).toBe(true);
    const again = await cancelStageAction({ id: stage.id, reason: 'Fermeture exceptionnelle.' });
    expect(again.ok ? null : again.error.message).toBe('Ce stage est déjà annulé.');
    const empty = await cancelStageAction({ id: stage.id, reason: '' });
    expect(empty.ok ? null : empty.error.fieldErrors?.reason?.[0]).toMatch(/^Indiquez le motif/);
  });

  it('keeps a cancelled stage out of edits', async () => {
    const stage = await makeStage(db().prisma, demo, { date: stageDay(9), status: 'CANCELLED' });
    const res = await updateStageAction({ id: stage.id, ...form({ date: stageDay(9) }) });
    expect(res.ok ? null : res.error.message).toBe('Ce stage est annulé : il ne peut plus être modifié.');
    expect(dayToDb(stageDay(9))).toBeInstanceOf(Date);
  });
});
