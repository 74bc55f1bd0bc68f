import { schoolYearLabel, schoolYearOf } from '@/lib/core/format';
import { canCloseYear, closableFrom } from '@/lib/reference/school-year';
import { JOIN_CODE_ALPHABET, formatJoinCode, generateJoinCode, normalizeJoinCode } from '@/lib/classes/join-code';

describe('school years (rentrée on 1 September, in Paris)', () => {
  it.each([
    ['2026-11-23T12:00:00+01:00', 2026],
    ['2027-06-30T12:00:00+02:00', 2026],
    ['2027-08-31T23:00:00+02:00', 2026],
    ['2027-09-01T00:30:00+02:00', 2027],
    ['2027-01-01T00:00:00+01:00', 2026],
  ])('%s is in school year %i', (date, year) => {
    expect(schoolYearOf(new Date(date))).toBe(year);
  });

  it('names a year by its two calendar years', () => {
    expect(schoolYearLabel(2026)).toBe('2026-2027');
  });

  it('may close a year from 1 July of its last calendar year (midnight in Paris)', () => {
    expect(closableFrom(2026)).toBe('2027-07-01');
    expect(canCloseYear(2026, new Date('2027-06-30T23:59:00+02:00'))).toBe(false);
    expect(canCloseYear(2026, new Date('2027-07-01T00:00:00+02:00'))).toBe(true);
    expect(canCloseYear(2026, new Date('2027-06-30T22:00:00Z'))).toBe(true); // already 1 July in Paris
  });
});

describe('join codes', () => {
  it('are 6 characters without I, L, O, 0 or 1', () => {
    for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[ILO01]/);
  });

  it('accept what a pupil types: lower case, spaces, dashes', () => {
    expect(normalizeJoinCode(' k7m-q2p ')).toBe('K7MQ2P');
    expect(normalizeJoinCode('K7M Q2P')).toBe('K7MQ2P');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeJoinCode('K7')).toBeNull();
    expect(normalizeJoinCode('K7M/Q2P')).toBeNull();
    expect(normalizeJoinCode('')).toBeNull();
  });

  it('are shown in two groups of three', () => {
    expect(formatJoinCode('K7MQ2P')).toBe('K7M Q2P');
  });
});
