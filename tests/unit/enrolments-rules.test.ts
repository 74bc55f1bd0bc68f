// The enrolment rules that need no database (lib/enrolments/rules.ts) and the enrolment forms'
// schemas (lib/enrolments/schema.ts): edges and French messages.
import { audienceRefusal, fairShareLeft, fairShareLiftsOn, overlaps, stageClosedReason } from '@/lib/enrolments/rules';
import { enrolFormSchema, enrolmentOptionsSchema, enrolSchema, MAX_PUPILS_AT_ONCE, toEnrolInput } from '@/lib/enrolments/schema';
import { setNow } from '@/lib/core/clock';

// Monday 23 November 2026, 9:00 in Paris.
const now = { day: '2026-11-23', minutes: 9 * 60 };
const stage = { status: 'PUBLISHED' as const, date: '2026-12-02', startMinutes: 540, endMinutes: 720 };

describe('stageClosedReason: does the stage still take enrolments', () => {
  it.each([
    ['a stage to come', {}, null],
    ['today at an hour to come', { date: '2026-11-23', startMinutes: 9 * 60 + 1 }, null],
    ['a cancelled stage', { status: 'CANCELLED' as const }, 'Ce stage est annulé : il ne prend plus d’inscription.'],
    [
      'a cancelled stage in the past (cancelled is said first)',
      { status: 'CANCELLED' as const, date: '2026-11-20' },
      'Ce stage est annulé : il ne prend plus d’inscription.',
    ],
    ['yesterday’s stage', { date: '2026-11-22' }, 'Ce stage a déjà eu lieu : il ne prend plus d’inscription.'],
    ['today, starting right now', { date: '2026-11-23', startMinutes: 9 * 60 }, 'Ce stage a déjà commencé : il ne prend plus d’inscription.'],
    ['today, started at 8:00', { date: '2026-11-23', startMinutes: 8 * 60 }, 'Ce stage a déjà commencé : il ne prend plus d’inscription.'],
  ])('%s → %j', (_what, over, reason) => {
    expect(stageClosedReason({ ...stage, ...over }, now)).toBe(reason);
  });
});

describe('audienceRefusal: the stage’s « Public » and the pupil’s level', () => {
  it('a stage without « Public » takes every level, even an unknown one', () => {
    expect(audienceRefusal([], '6e')).toBeNull();
    expect(audienceRefusal([], null)).toBeNull();
  });

  it.each([
    ['3e', ['3e']],
    ['3e prépa-métiers', ['3e']],
    ['SEGPA', ['3e SEGPA']],
    ['ULIS', ['4e']],
    ['ULIS', ['3e']],
    ['UPE2A', ['4e', '2nde']],
    ['4e', ['4e', '3e']],
    ['2nde', ['2nde']],
  ])('a pupil of %s may take a stage for %j', (level, audience) => {
    expect(audienceRefusal(audience, level)).toBeNull();
  });

  it.each([
    ['6e', ['3e']],
    ['4e', ['3e']],
    ['SEGPA', ['3e']],
    ['3e', ['3e SEGPA']],
    ['Autre', ['3e', '4e']],
    ['ULIS', ['2nde']],
  ])('a pupil of %s may not take a stage for %j, and the message names both', (level, audience) => {
    expect(audienceRefusal(audience, level)).toBe(`Ce stage est réservé aux élèves de ${audience.join(', ')} (niveau de l’élève : ${level}).`);
  });

  it('a pupil without level is asked for their class first', () => {
    expect(audienceRefusal(['3e', '4e'], null)).toBe('Ce stage est réservé aux élèves de 3e, 4e : indiquez d’abord la classe de l’élève.');
  });
});

describe('overlaps: two stages at the same time', () => {
  const a = { date: '2026-12-02', startMinutes: 9 * 60, endMinutes: 12 * 60 };
  it.each([
    ['the same hours', { startMinutes: 9 * 60, endMinutes: 12 * 60 }, true],
    ['one inside the other', { startMinutes: 10 * 60, endMinutes: 11 * 60 }, true],
    ['one around the other', { startMinutes: 8 * 60, endMinutes: 13 * 60 }, true],
    ['crossing at the end by a minute', { startMinutes: 12 * 60 - 1, endMinutes: 14 * 60 }, true],
    ['crossing at the start', { startMinutes: 8 * 60, endMinutes: 9 * 60 + 1 }, true],
    ['adjacent: ending at 12 h, starting at 12 h', { startMinutes: 12 * 60, endMinutes: 14 * 60 }, false],
    ['adjacent the other way: ending at 9 h', { startMinutes: 7 * 60, endMinutes: 9 * 60 }, false],
    ['the same hours another day', { date: '2026-12-03', startMinutes: 9 * 60, endMinutes: 12 * 60 }, false],
  ])('%s → %s (both ways)', (_what, over, expected) => {
    const b = { ...a, ...over };
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('fairShareLeft: the seats a collège may still take', () => {
  const share = { seats: 2, days: 7 };
  // Stage on Wednesday 2 December: the cap lifts on Wednesday 25 November.
  it('lifts `days` days before the stage', () => {
    expect(fairShareLiftsOn('2026-12-02', 7)).toBe('2026-11-25');
    expect(fairShareLiftsOn('2026-12-02', 0)).toBe('2026-12-02');
  });

  it.each([
    ['no seat taken, 9 days before', '2026-11-23', 0, 2],
    ['one taken', '2026-11-23', 1, 1],
    ['its share taken', '2026-11-23', 2, 0],
    ['more than its share (taken before the cap was set)', '2026-11-23', 5, 0],
    ['its share taken, the day before the cap lifts', '2026-11-24', 2, 0],
    ['its share taken, the day the cap lifts (7 days before)', '2026-11-25', 2, null],
    ['its share taken, the day of the stage', '2026-12-02', 2, null],
  ])('%s → %s', (_what, today, taken, left) => {
    expect(fairShareLeft(share, '2026-12-02', today, taken)).toBe(left);
  });

  it('holds no cap unless both the seats and the days are set', () => {
    expect(fairShareLeft({ seats: null, days: null }, '2026-12-02', '2026-11-23', 9)).toBeNull();
    expect(fairShareLeft({ seats: 2, days: null }, '2026-12-02', '2026-11-23', 9)).toBeNull();
    expect(fairShareLeft({ seats: null, days: 7 }, '2026-12-02', '2026-11-23', 9)).toBeNull();
  });

  it('with 0 days, the cap holds until the stage’s day', () => {
    expect(fairShareLeft({ seats: 1, days: 0 }, '2026-12-02', '2026-12-01', 1)).toBe(0);
    expect(fairShareLeft({ seats: 1, days: 0 }, '2026-12-02', '2026-12-02', 1)).toBeNull();
  });
});

describe('the « Inscrire un stagiaire » form (enrolFormSchema)', () => {
  beforeAll(() => setNow('2026-11-23T08:00:00Z', { frozen: true }));
  afterAll(() => setNow(null));

  const typed = { lastName: 'Morel', firstName: 'Léa', level: '3e', classLabel: '3e B', birthDate: '2012-05-04' };
  const blank = { lastName: '', firstName: '', level: '', classLabel: '', birthDate: '' };
  /** The first message of each field (what the form shows first under it). */
  const errors = (v: unknown) => {
    const r = enrolFormSchema.safeParse(v);
    const out: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) out[i.path.join('.')] ??= i.message;
    return out;
  };

  it('asks for a pupil when none is chosen and none typed in', () => {
    expect(errors({ pupilIds: [], typeIn: false, newPupil: blank })).toEqual({ pupilIds: 'Choisissez au moins un élève dans la liste, ou saisissez-en un.' });
  });

  it('ignores the typed-in fields while « Saisir un élève » is not ticked', () => {
    expect(errors({ pupilIds: ['p1'], typeIn: false, newPupil: { ...blank, level: 'CM2' } })).toEqual({});
  });

  it('checks every typed-in field, on its own path, when ticked (even with pupils chosen)', () => {
    expect(errors({ pupilIds: ['p1'], typeIn: true, newPupil: blank })).toEqual({
      'newPupil.lastName': 'Saisissez le nom de l’élève.',
      'newPupil.firstName': 'Saisissez le prénom de l’élève.',
      'newPupil.level': 'Choisissez le niveau de l’élève dans la liste.',
      'newPupil.birthDate': 'Saisissez la date de naissance de l’élève.',
    });
  });

  it('accepts a typed-in pupil with no pupil chosen', () => {
    expect(errors({ pupilIds: [], typeIn: true, newPupil: typed })).toEqual({});
  });

  it.each([
    ['a day that does not exist', '2012-02-30', 'Date de naissance non valide : utilisez le format jj/mm/aaaa.'],
    ['a French-typed date', '04/05/2012', 'Date de naissance non valide : utilisez le format jj/mm/aaaa.'],
    ['a pupil of 8', '2017-12-01', 'Vérifiez la date de naissance : un élève de collège a entre 9 et 21 ans.'],
    ['a pupil of 22', '2004-11-01', 'Vérifiez la date de naissance : un élève de collège a entre 9 et 21 ans.'],
  ])('refuses %s as birth date', (_what, birthDate, message) => {
    expect(errors({ pupilIds: [], typeIn: true, newPupil: { ...typed, birthDate } })).toEqual({ 'newPupil.birthDate': message });
  });

  it('accepts a pupil of 9 and one of 21', () => {
    expect(errors({ pupilIds: [], typeIn: true, newPupil: { ...typed, birthDate: '2017-11-01' } })).toEqual({});
    expect(errors({ pupilIds: [], typeIn: true, newPupil: { ...typed, birthDate: '2005-01-15' } })).toEqual({});
  });

  it('refuses a name that is a link, and a class label longer than 20 characters', () => {
    const e = errors({ pupilIds: [], typeIn: true, newPupil: { ...typed, lastName: 'https://exemple.fr', classLabel: 'x'.repeat(21) } });
    expect(Object.keys(e).sort()).toEqual(['newPupil.classLabel', 'newPupil.lastName']);
    expect(e['newPupil.classLabel']).toBe('20 caractères au maximum.');
  });

  it(`takes at most ${MAX_PUPILS_AT_ONCE} pupils at once`, () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    expect(errors({ pupilIds: ids(MAX_PUPILS_AT_ONCE), typeIn: false, newPupil: blank })).toEqual({});
    expect(errors({ pupilIds: ids(MAX_PUPILS_AT_ONCE + 1), typeIn: false, newPupil: blank })).toEqual({
      pupilIds: `Inscrivez au plus ${MAX_PUPILS_AT_ONCE} élèves à la fois.`,
    });
  });

  it('toEnrolInput sends the typed-in pupil only when ticked, and the server schema takes the result', () => {
    const off = toEnrolInput('s1', { pupilIds: ['p1'], typeIn: false, newPupil: typed }, false);
    expect(off).toEqual({ stageId: 's1', pupilIds: ['p1'], waitlist: false });
    const on = toEnrolInput('s1', { pupilIds: [], typeIn: true, newPupil: { ...typed, classLabel: '' } }, true);
    const parsed = enrolSchema.parse(on);
    expect(parsed.newPupil).toEqual({ ...typed, classLabel: '' });
    expect(parsed.waitlist).toBe(true);
  });
});

describe('the server’s enrolment input (enrolSchema)', () => {
  it('refuses an enrolment of nobody, on the pupils field', () => {
    const r = enrolSchema.safeParse({ stageId: 's1', pupilIds: [] });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['pupilIds', 'Choisissez au moins un élève dans la liste, ou saisissez-en un.']]);
  });

  it('refuses an empty stage or pupil id, and defaults the waiting list to no', () => {
    expect(enrolSchema.safeParse({ stageId: ' ', pupilIds: ['p1'] }).error?.issues[0].message).toBe('Stage introuvable.');
    expect(enrolSchema.safeParse({ stageId: 's1', pupilIds: [''] }).error?.issues[0].message).toBe('Élève introuvable.');
    expect(enrolSchema.parse({ stageId: 's1', pupilIds: ['p1'] }).waitlist).toBe(false);
  });
});

describe('the platform’s enrolment options (enrolmentOptionsSchema)', () => {
  const base = { fairShareSeats: '', fairShareDays: '', conventionReminderDays: '7', convocationNote: '' };
  const parse = (over: Record<string, unknown>) => enrolmentOptionsSchema.safeParse({ ...base, ...over });
  const messages = (over: Record<string, unknown>) => {
    const r = parse(over);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('no fair share: both left empty become null', () => {
    expect(parse({}).data).toEqual({ fairShareSeats: null, fairShareDays: null, conventionReminderDays: 7, convocationNote: '' });
  });

  it('a fair share: both given, typed as text', () => {
    expect(parse({ fairShareSeats: '2', fairShareDays: '7' }).data).toMatchObject({ fairShareSeats: 2, fairShareDays: 7 });
    expect(parse({ fairShareSeats: 1, fairShareDays: 0 }).data).toMatchObject({ fairShareSeats: 1, fairShareDays: 0 });
  });

  it.each([
    ['seats without days', { fairShareSeats: '2' }],
    ['days without seats', { fairShareDays: '7' }],
  ])('refuses %s, under the days field', (_what, over) => {
    expect(messages(over)).toEqual({
      fairShareDays: 'Indiquez à la fois le nombre de places par collège et le nombre de jours avant le stage, ou laissez les deux vides.',
    });
  });

  it.each([
    [{ fairShareSeats: '0', fairShareDays: '7' }, 'fairShareSeats', 'Indiquez un nombre de places entre 1 et 50, ou laissez vide.'],
    [{ fairShareSeats: '51', fairShareDays: '7' }, 'fairShareSeats', 'Indiquez un nombre de places entre 1 et 50, ou laissez vide.'],
    [{ fairShareSeats: '2', fairShareDays: '61' }, 'fairShareDays', 'Indiquez un nombre de jours entre 0 et 60, ou laissez vide.'],
    [{ fairShareSeats: '2', fairShareDays: '-1' }, 'fairShareDays', 'Indiquez un nombre de jours entre 0 et 60, ou laissez vide.'],
    [{ conventionReminderDays: '31' }, 'conventionReminderDays', 'Indiquez un nombre de jours entre 0 et 30.'],
    [{ conventionReminderDays: 'x' }, 'conventionReminderDays', 'Indiquez un nombre de jours entre 0 et 30.'],
    [{ convocationNote: 'a'.repeat(501) }, 'convocationNote', 'Les consignes tiennent en 500 caractères.'],
  ])('refuses %j on %s', (over, field, message) => {
    expect(messages(over)[field]).toBe(message);
  });

  it.each([
    [{ fairShareSeats: '1.5', fairShareDays: '7' }, 'fairShareSeats', 'Indiquez un nombre de places entre 1 et 50, ou laissez vide.'],
    [{ fairShareSeats: 'deux', fairShareDays: '7' }, 'fairShareSeats', 'Indiquez un nombre de places entre 1 et 50, ou laissez vide.'],
    [
      { fairShareSeats: ' ', fairShareDays: '7' },
      'fairShareDays',
      'Indiquez à la fois le nombre de places par collège et le nombre de jours avant le stage, ou laissez les deux vides.',
    ],
    [{ conventionReminderDays: '' }, 'conventionReminderDays', 'Indiquez un nombre de jours entre 0 et 30.'],
  ])('refuses %j on %s in French', (over, field, message) => {
    expect(messages(over)[field]).toBe(message);
  });
});
