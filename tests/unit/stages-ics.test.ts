import { buildIcs, type IcsStage } from '@/lib/stages/ics';
import { icsEscape, icsFold } from '@/lib/core/ics';
import { formatDay, formatHours, parisClock } from '@/lib/core/format';
import { siteOrigin } from '@/lib/core/origin';
import { parisToUtc } from '@/lib/stages/time';
import { filtersQuery, parseFilters } from '@/lib/stages/filters';
import { slugify } from '@/lib/sites/urls';

const stage = (over: Partial<IcsStage> = {}): IcsStage => ({
  id: 'st1',
  date: '2026-12-02',
  startMinutes: 540,
  endMinutes: 720,
  status: 'PUBLISHED',
  stageType: 'Mini-stage',
  formation: "Bac pro Métiers de l'électricité",
  teacher: 'Paul Durand',
  place: 'Atelier B12, bâtiment B',
  description: 'Tenue: chaussures; gants\nprévoir un stylo',
  capacity: 8,
  enrolledCount: 2,
  scheduleDetail: null,
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  cancelReason: null,
  ...over,
});

describe('Paris local time', () => {
  it('converts winter and summer hours to UTC', () => {
    expect(parisToUtc('2026-12-02', 540).toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(parisToUtc('2027-06-02', 540).toISOString()).toBe('2027-06-02T07:00:00.000Z');
    expect(parisToUtc('2027-03-29', 9 * 60).toISOString()).toBe('2027-03-29T07:00:00.000Z'); // day after the change
  });

  it('reads the Paris calendar day, not the UTC one', () => {
    expect(parisClock(new Date('2026-11-23T23:30:00Z'))).toEqual({ day: '2026-11-24', minutes: 30 });
  });

  it('writes dates and hours the French way', () => {
    expect(formatDay('2027-03-10')).toBe('mercredi 10 mars 2027');
    expect(formatHours(540, 750)).toBe('9 h 00 – 12 h 30');
  });
});

describe('the ICS feed', () => {
  it('escapes commas, semicolons, backslashes and new lines', () => {
    expect(icsEscape('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const folded = icsFold(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('has one event per stage with a stable UID, UTC times and a CANCELLED status', () => {
    const ics = buildIcs({
      siteName: 'Lycée des métiers Démo',
      host: 'demo.localhost',
      url: 'http://demo.localhost:3000',
      now: new Date('2026-11-23T08:00:00Z'),
      stages: [stage(), stage({ id: 'st2', status: 'CANCELLED', cancelReason: 'Grève' })],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('UID:stage-st1@demo.localhost');
    expect(unfolded).toContain('DTSTART:20261202T080000Z');
    expect(unfolded).toContain('DTEND:20261202T110000Z');
    expect(unfolded).toContain("SUMMARY:Mini-stage Bac pro Métiers de l'électricité");
    expect(unfolded).toContain('LOCATION:Atelier B12\\, bâtiment B');
    expect(unfolded).toContain('Tenue: chaussures\\; gants\\nprévoir un stylo');
    expect(unfolded).toContain('6 places disponibles sur 8');
    expect(unfolded).toMatch(/UID:stage-st2@demo.localhost[\s\S]*SUMMARY:ANNULÉ – Mini-stage[\s\S]*STATUS:CANCELLED/);
  });
});

describe('filters in the query string', () => {
  it('reads known values and ignores malformed ones', () => {
    const f = parseFilters({ filiere: 'f1', remplissage: 'complet', tri: 'inscrits', ordre: 'desc', mois: '2026-13', passes: '1', enseignant: ['t1', 't2'] });
    expect(f).toEqual({
      filiere: 'f1',
      enseignant: 't1',
      remplissage: 'complet',
      passes: true,
      tri: 'inscrits',
      ordre: 'desc',
      mois: undefined,
      type: undefined,
      horaires: undefined,
    });
    expect(parseFilters({ remplissage: 'n-importe', tri: 'drop table' })).toMatchObject({ remplissage: 'tous', tri: 'date', ordre: 'asc' });
  });

  it('writes back only what differs from the defaults', () => {
    const f = parseFilters({ filiere: 'f1', mois: '2026-12' });
    expect(filtersQuery(f)).toBe('?mois=2026-12&filiere=f1');
    expect(filtersQuery(f, { mois: '2027-01', remplissage: 'disponibles' })).toBe('?mois=2027-01&filiere=f1&remplissage=disponibles');
    expect(filtersQuery(parseFilters({}))).toBe('');
  });
});

describe('platform addresses', () => {
  it('builds the subdomain with the request’s port, or the first custom domain', () => {
    expect(siteOrigin({ slug: 'demo' }, 'http://localhost:41234', 'localhost')).toBe('http://demo.localhost:41234');
    expect(siteOrigin({ slug: 'demo', domains: [{ host: 'ministage.lycee.fr' }] }, 'https://ministage.fr', 'ministage.fr')).toBe('https://ministage.lycee.fr');
  });

  it('suggests a subdomain from a name', () => {
    expect(slugify('Lycée professionnel la Champagne')).toBe('lycee-professionnel-la-champagne');
  });
});
