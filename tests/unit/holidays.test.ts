import {
  calendarDay,
  isPublicHoliday,
  isSchoolCalendarKnown,
  isSunday,
  publicHolidayName,
  publicHolidays,
  schoolHolidayOn,
  schoolHolidays,
} from '@/lib/reference/holidays';

describe('public holidays', () => {
  it('lists the 11 jours fériés of metropolitan France', () => {
    const days = publicHolidays(2026);
    expect(days.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(days.find((d) => d.date === '2026-04-06')?.name).toBe('Lundi de Pâques');
  });

  it('adds Vendredi saint and Saint Étienne only for Alsace-Moselle', () => {
    expect(isPublicHoliday('2027-03-26')).toBe(false);
    expect(isPublicHoliday('2027-03-26', { alsace: true })).toBe(true);
    expect(publicHolidays(2027, { alsace: true })).toHaveLength(13);
  });

  it('reads a Date as its UTC calendar day', () => {
    expect(isPublicHoliday(new Date('2027-05-06T00:00:00Z'))).toBe(true); // Ascension 2027
    expect(isPublicHoliday(new Date('2027-05-06T23:30:00Z'))).toBe(true);
    expect(isPublicHoliday(new Date('2027-05-07T00:00:00Z'))).toBe(false);
    expect(publicHolidayName('2027-05-17')).toBe('Lundi de Pentecôte');
    expect(calendarDay(new Date('2026-12-25T10:00:00Z'))).toBe('2026-12-25');
  });

  it('does not depend on the server time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(
        publicHolidays(2030)
          .filter((d) => /Pâques|Ascension|Pentecôte/.test(d.name))
          .map((d) => d.date),
      ).toEqual(['2030-04-22', '2030-05-30', '2030-06-10']);
      process.env.TZ = 'Pacific/Auckland';
      expect(
        publicHolidays(2031)
          .filter((d) => /Pâques|Ascension|Pentecôte/.test(d.name))
          .map((d) => d.date),
      ).toEqual(['2031-04-14', '2031-05-22', '2031-06-02']);
      expect(publicHolidays(2031)[0].date).toBe('2031-01-01');
    } finally {
      process.env.TZ = tz;
    }
  });

  it('knows Sundays', () => {
    expect(isSunday('2026-11-22')).toBe(true);
    expect(isSunday(new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });
});

describe('school holidays', () => {
  it('gives the common periods to every zone', () => {
    for (const zone of ['A', 'B', 'C'] as const) {
      expect(schoolHolidayOn('2025-12-25', zone)).toEqual({ name: 'Vacances de Noël', start: '2025-12-20', end: '2026-01-04' });
      expect(schoolHolidayOn('2026-10-20', zone)?.name).toBe('Vacances de la Toussaint');
    }
    expect(schoolHolidayOn('2026-01-05', 'B')).toBeNull(); // reprise des cours
    expect(schoolHolidayOn('2025-10-17', 'B')).toBeNull();
    expect(schoolHolidayOn(new Date('2025-10-18T00:00:00Z'), 'B')?.name).toBe('Vacances de la Toussaint');
  });

  it('staggers winter and spring holidays by zone', () => {
    expect(schoolHolidayOn('2026-02-16', 'A')).toEqual({ name: "Vacances d'hiver", start: '2026-02-07', end: '2026-02-22' });
    expect(schoolHolidayOn('2026-02-16', 'B')?.end).toBe('2026-03-01');
    expect(schoolHolidayOn('2026-02-16', 'C')).toBeNull();
    expect(schoolHolidayOn('2026-05-04', 'C')).toBeNull();
    expect(schoolHolidayOn('2026-05-03', 'C')?.name).toBe('Vacances de printemps');
    expect(schoolHolidayOn('2027-02-08', 'C')?.name).toBe("Vacances d'hiver");
    expect(schoolHolidayOn('2027-02-08', 'A')).toBeNull();
    expect(schoolHolidayOn('2027-04-30', 'B')?.name).toBe('Vacances de printemps');
  });

  it('includes the Ascension bridge and the summer', () => {
    expect(schoolHolidayOn('2026-05-15', 'A')?.name).toBe("Pont de l'Ascension");
    expect(schoolHolidayOn('2026-05-13', 'A')).toBeNull();
    expect(schoolHolidayOn('2027-05-07', 'C')).toEqual({ name: "Pont de l'Ascension", start: '2027-05-06', end: '2027-05-09' });
    expect(schoolHolidayOn('2026-08-15', 'B')).toEqual({ name: "Vacances d'été", start: '2026-07-04', end: '2026-08-31' });
    expect(schoolHolidayOn('2026-09-01', 'B')).toBeNull();
  });

  it('has nothing for Corse and overseas, and says where the table ends', () => {
    expect(schoolHolidayOn('2025-12-25', null)).toBeNull();
    expect(isSchoolCalendarKnown('2027-03-01')).toBe(true);
    expect(isSchoolCalendarKnown('2027-10-25')).toBe(false);
  });

  it('lists ordered, non-overlapping periods per zone', () => {
    for (const zone of ['A', 'B', 'C'] as const) {
      const periods = schoolHolidays(zone);
      for (const p of periods) expect(p.start <= p.end).toBe(true);
      for (let i = 1; i < periods.length; i++) expect(periods[i - 1].end < periods[i].start).toBe(true);
    }
  });
});
