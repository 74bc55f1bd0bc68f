import { checkStageRules, holidayWarning, RULE_MESSAGES } from '@/lib/stages/rules';
import { stageSchema } from '@/lib/stages/schema';
import { expandDates } from '@/lib/stages/duplicate';
import { newStageForm } from '@/lib/stages/schema';

// Monday 23 November 2026, 9:00 in Paris.
const now = new Date('2026-11-23T08:00:00Z');
const ok = { date: '2026-12-02', startMinutes: 540, endMinutes: 720, capacity: 12 };
const messages = (input: Partial<typeof ok>, opts: { alsace?: boolean } = {}) =>
  checkStageRules({ ...ok, ...input }, { now, ...opts }).map((i) => `${i.field}: ${i.message}`);

describe('publication rules of a stage', () => {
  it('accepts a Wednesday morning stage of three hours', () => {
    expect(messages({})).toEqual([]);
  });

  it.each([
    ['a Sunday', { date: '2026-12-06' }, `date: ${RULE_MESSAGES.sunday}`],
    ['Christmas day', { date: '2026-12-25' }, 'date: Ce jour est férié (Noël) : un stage ne peut pas avoir lieu ce jour-là. Choisissez un autre jour.'],
    ['Easter Monday', { date: '2027-03-29' }, 'date: Ce jour est férié (Lundi de Pâques) : un stage ne peut pas avoir lieu ce jour-là. Choisissez un autre jour.'],
    ['a past day', { date: '2026-11-20' }, `date: ${RULE_MESSAGES.past}`],
    ['today at an hour already gone', { date: '2026-11-23', startMinutes: 8 * 60 }, `startTime: ${RULE_MESSAGES.startedToday}`],
    ['an end before the start', { startMinutes: 600, endMinutes: 540 }, `endTime: ${RULE_MESSAGES.endAfterStart}`],
    ['an end equal to the start', { startMinutes: 600, endMinutes: 600 }, `endTime: ${RULE_MESSAGES.endAfterStart}`],
    ['more than 7 hours', { startMinutes: 8 * 60, endMinutes: 15 * 60 + 1 }, `endTime: ${RULE_MESSAGES.tooLong}`],
    ['a start before 6:00', { startMinutes: 5 * 60 + 59, endMinutes: 9 * 60 }, `startTime: ${RULE_MESSAGES.tooEarly}`],
    ['an end after 20:00', { startMinutes: 17 * 60, endMinutes: 20 * 60 + 1 }, `endTime: ${RULE_MESSAGES.tooLate}`],
    ['no place', { capacity: 0 }, `capacity: ${RULE_MESSAGES.capacityMin}`],
    ['too many places', { capacity: 61 }, `capacity: ${RULE_MESSAGES.capacityMax}`],
    ['a fraction of a place', { capacity: 2.5 }, `capacity: ${RULE_MESSAGES.capacityInteger}`],
    ['a date that does not exist', { date: '2026-02-30' }, `date: ${RULE_MESSAGES.dateInvalid}`],
  ])('refuses %s with its French message', (_what, input, message) => {
    expect(messages(input)).toEqual([message]);
  });

  it('accepts exactly 7 hours between 6:00 and 20:00, and today at an hour to come', () => {
    expect(messages({ startMinutes: 13 * 60, endMinutes: 20 * 60 })).toEqual([]);
    expect(messages({ startMinutes: 6 * 60, endMinutes: 13 * 60 })).toEqual([]);
    expect(messages({ date: '2026-11-23', startMinutes: 14 * 60, endMinutes: 16 * 60 })).toEqual([]);
  });

  it('knows the two more public holidays of Alsace-Moselle', () => {
    expect(messages({ date: '2026-12-26' })).toEqual([]);
    expect(messages({ date: '2026-12-26' }, { alsace: true })).toEqual([
      'date: Ce jour est férié (Saint Étienne) : un stage ne peut pas avoir lieu ce jour-là. Choisissez un autre jour.',
    ]);
  });

  it('warns without refusing when the day falls in the zone’s school holidays', () => {
    expect(holidayWarning('2026-12-22', 'B')).toMatch(/^Attention : le mardi 22 décembre 2026 tombe pendant les vacances scolaires \(Vacances de Noël, zone B\)/);
    expect(holidayWarning('2027-03-03', 'B')).toMatch(/Vacances d'hiver, zone B/);
    expect(holidayWarning('2027-03-03', 'A')).toBeNull();
    expect(holidayWarning('2026-12-02', 'B')).toBeNull();
    expect(messages({ date: '2026-12-22' })).toEqual([]);
  });
});

describe('the stage form schema (shared by the browser and the server)', () => {
  const values = newStageForm('2099-12-02', { formationId: 'f1' });

  it('puts each rule’s message on its own field', () => {
    const r = stageSchema.safeParse({ ...values, date: '2099-12-06', startTime: '05:00', endTime: '21:00', capacity: 0, formationId: '' });
    expect(r.success).toBe(false);
    const byField: Record<string, string[]> = {};
    for (const i of r.error?.issues ?? []) (byField[i.path.join('.')] ??= []).push(i.message);
    expect(byField).toEqual({
      formationId: ['Choisissez la formation (filière).'],
      date: [RULE_MESSAGES.sunday],
      startTime: [RULE_MESSAGES.tooEarly],
      endTime: [RULE_MESSAGES.tooLate, RULE_MESSAGES.tooLong],
      capacity: [RULE_MESSAGES.capacityMin],
    });
  });

  it('refuses a malformed hour and an unknown audience', () => {
    const r = stageSchema.safeParse({ ...values, startTime: '9h' });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([`startTime: ${RULE_MESSAGES.timeInvalid}`]);
    const a = stageSchema.safeParse({ ...values, audience: ['CP'] });
    expect(a.error?.issues.map((i) => i.path.join('.'))).toEqual(['audience.0']);
  });
});

describe('the days of a duplication', () => {
  it('lists every Wednesday after the stage until the end date, inclusive', () => {
    expect(expandDates({ mode: 'weekly', weekday: 3, until: '2026-12-23', dates: [] }, '2026-12-02', '2026-11-23')).toEqual(['2026-12-09', '2026-12-16', '2026-12-23']);
  });

  it('starts from tomorrow when the stage is further back', () => {
    expect(expandDates({ mode: 'weekly', weekday: 1, until: '2026-12-07', dates: [] }, '2026-11-20', '2026-11-23')).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('keeps a typed list as it is (each date is checked later)', () => {
    expect(expandDates({ mode: 'dates', weekday: 3, until: '', dates: ['2026-12-09', '', '2026-12-06'] }, '2026-12-02', '2026-11-23')).toEqual([
      '2026-12-09',
      '2026-12-06',
    ]);
  });
});
