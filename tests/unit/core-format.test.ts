// lib/core/format against the code it replaced, on many inputs: the same text, byte for byte.
// The replaced formatters (lib/stages/time, lib/classes/format, lib/accounts/common, lib/reference/
// school-year, the inline name joins) are gone; what they computed is frozen here, formula for
// formula, as « before ». The instant formatters read the machine's zone (the app runs with
// TZ=Europe/Paris, scripts/app-process.ts). Jest's sandbox cannot change the zone of its own process
// (setting process.env.TZ there does nothing), so the zone comparisons run in child processes
// (node + tsx), one per zone: « before » under Europe/Paris, lib/core/format under every zone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import * as F from '@/lib/core/format';

// ── the code it replaced, frozen ──
/** A local Date on that calendar day at noon (lib/stages/time). */
const localDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};
const before = {
  // lib/stages/time
  formatDay: (day: string) => format(localDate(day), 'EEEE d MMMM yyyy', { locale: fr }),
  formatShortDay: (day: string) => format(localDate(day), 'EEE d MMM', { locale: fr }),
  formatShortDate: (day: string) => format(localDate(day), 'EEE d MMM yyyy', { locale: fr }),
  formatMonth: (month: string) => format(localDate(`${month}-01`), 'MMMM yyyy', { locale: fr }),
  dbToDay: (date: Date) => date.toISOString().slice(0, 10),
  formatMinutes: (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`,
  schoolYearStart: (day: string) => (Number(day.slice(5, 7)) >= 9 ? `${day.slice(0, 4)}-09-01` : `${Number(day.slice(0, 4)) - 1}-09-01`),
  // lib/classes/format formatDay (a @db.Date, with a date-fns pattern)
  classesDay: (d: Date, pattern = 'd MMMM yyyy') => format(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), pattern, { locale: fr }),
  // lib/classes/format pupilName
  pupilName: (p: { firstName: string | null; lastName: string | null }) => [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(' ') || 'Élève anonymisé',
  // lib/accounts/common formatValidity and personName
  formatValidity: (minutes: number) => {
    const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
    if (minutes < 1) return plural(Math.max(1, Math.round(minutes * 60)), 'seconde');
    if (minutes < 60) return plural(Math.round(minutes), 'minute');
    if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'heure');
    return plural(Math.round(minutes / (24 * 60)), 'jour');
  },
  personName: (u: { civility?: string | null; firstName?: string | null; lastName?: string | null; login: string }) =>
    [u.civility, u.firstName, u.lastName].filter(Boolean).join(' ') || u.login,
  // lib/reference/school-year schoolYearLabel
  schoolYearLabel: (year: number) => `${year}-${year + 1}`,
};

const ZONES = ['Europe/Paris', 'UTC', 'America/Los_Angeles', 'Pacific/Auckland'];

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(dayOf(t));
  return out;
}

// Every day of four years, and some far ones.
const DAYS = [...daysBetween('2025-01-01', '2028-12-31'), '2000-01-01', '2000-02-29', '2038-01-19', '2099-12-31', '2100-02-28', '1970-01-01', '2012-05-04'];

// Instants: every 10 minutes around each change of hour (last Sunday of March / October) and the
// day after, every hour across a year, the last hours of each day in UTC, and random ones.
const DST = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'];
function instants(): number[] {
  const out: number[] = [];
  for (const day of DST) {
    const start = Date.parse(`${day}T00:00:00Z`) - 6 * 3_600_000;
    for (let t = start; t < start + 54 * 3_600_000; t += 10 * 60_000) out.push(t); // that day and the day after
  }
  for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) out.push(t);
  for (const day of daysBetween('2026-08-25', '2027-09-05')) {
    for (const hm of ['21:59', '22:00', '22:30', '23:00', '23:59']) out.push(Date.parse(`${day}T${hm}:00Z`));
  }
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 3000; i++) out.push(Date.parse('2000-01-01T00:00:00Z') + Math.floor(rand() * 100 * 365.25 * 86_400_000));
  out.push(Date.parse('2027-03-12T13:05:00Z'), Date.parse('2026-12-31T23:00:00Z'), Date.parse('2027-08-31T22:00:00Z'), Date.parse('2027-08-31T21:59:59Z'));
  return out;
}
const INSTANTS = instants();

// Runs in a child process with TZ set: the frozen formulas and lib/core/format on every input.
const CHILD = `
import { readFileSync } from 'node:fs';
const root = process.env.ROOT;
const F = await import(root + '/lib/core/format.ts');
const { format } = await import('date-fns');
const { fr } = await import('date-fns/locale');
const { days, instants } = JSON.parse(readFileSync(process.env.INPUT, 'utf8'));
const ts = instants.map((t) => new Date(t));
const db = (d) => new Date(d + 'T00:00:00.000Z');
const localDate = (day) => { const [y, m, d] = day.split('-').map(Number); return new Date(y, m - 1, d, 12); };
const classesDay = (d, pattern) => format(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), pattern, { locale: fr });
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const parisClock = (t) => { const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value])); return { day: p.year + '-' + p.month + '-' + p.day, minutes: Number(p.hour) * 60 + Number(p.minute) }; };
process.stdout.write(JSON.stringify({
  offsetAtEpoch: new Date(0).getTimezoneOffset(),
  old: {
    dateTime: ts.map((t) => format(t, "EEEE d MMMM yyyy 'à' H 'h' mm", { locale: fr })), // lib/accounts/common, lib/classes/format
    date: ts.map((t) => format(t, 'd MMMM yyyy', { locale: fr })), // lib/classes/format formatDate
    expiry: ts.map((t) => format(t, 'EEEE d MMMM yyyy', { locale: fr })), // the invitation emails' expiry
    schoolYear: ts.map((t) => (t.getMonth() >= 8 ? t.getFullYear() : t.getFullYear() - 1)), // currentSchoolYear
    clock: ts.map((t) => parisClock(t)), // lib/stages/time parisClock
    days: days.map((d) => [
      format(localDate(d), 'EEEE d MMMM yyyy', { locale: fr }), format(localDate(d), 'EEE d MMM', { locale: fr }),
      format(localDate(d), 'EEE d MMM yyyy', { locale: fr }), format(localDate(d.slice(0, 7) + '-01'), 'MMMM yyyy', { locale: fr }),
      classesDay(db(d), 'd MMMM yyyy'), classesDay(db(d), 'dd/MM/yyyy'),
    ]),
  },
  new: {
    dateTime: ts.map((t) => F.formatDateTime(t)),
    date: ts.map((t) => F.formatDate(F.parisDay(t))),
    expiry: ts.map((t) => F.formatDay(F.parisDay(t))),
    schoolYear: ts.map((t) => F.schoolYearOf(t)),
    clock: ts.map((t) => F.parisClock(t)),
    days: days.map((d) => [F.formatDay(d), F.formatShortDay(d), F.formatShortDate(d), F.formatMonth(d.slice(0, 7)), F.formatDate(F.dbDay(db(d))), F.formatNumericDate(F.dbDay(db(d)))]),
  },
}));
`;

type Outputs = { dateTime: string[]; date: string[]; expiry: string[]; schoolYear: number[]; clock: unknown[]; days: string[][] };
type ZoneRun = { offsetAtEpoch: number; old: Outputs; new: Outputs };

function runIn(tz: string, input: string): Promise<ZoneRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      env: { ...process.env, TZ: tz, ROOT: process.cwd(), INPUT: input, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8'); // a character may straddle two chunks
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ZoneRun) : reject(new Error(`TZ=${tz}: exit ${code}\n${err}`))));
  });
}

const runs: Record<string, ZoneRun> = {};
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'core-format-'));
  try {
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ days: DAYS, instants: INSTANTS }));
    for (let i = 0; i < ZONES.length; i += 2) {
      const pair = ZONES.slice(i, i + 2);
      const done = await Promise.all(pair.map((tz) => runIn(tz, input)));
      pair.forEach((tz, j) => (runs[tz] = done[j]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

describe('in every time zone, the same text as the replaced code under Europe/Paris', () => {
  it('really runs each child in its zone', () => {
    expect(ZONES.map((tz) => runs[tz].offsetAtEpoch)).toEqual([-60, 0, 480, -720]);
  });

  it.each(ZONES)('formatDateTime = lib/accounts/common and lib/classes/format formatDateTime (process in %s)', (tz) => {
    expect(runs[tz].new.dateTime).toEqual(runs['Europe/Paris'].old.dateTime);
  });

  it.each(ZONES)('formatDate(parisDay) = lib/classes/format formatDate; formatDay(parisDay) = the invitation emails’ expiry (process in %s)', (tz) => {
    expect(runs[tz].new.date).toEqual(runs['Europe/Paris'].old.date);
    expect(runs[tz].new.expiry).toEqual(runs['Europe/Paris'].old.expiry);
  });

  it.each(ZONES)('schoolYearOf = currentSchoolYear; parisClock = parisClock (process in %s)', (tz) => {
    expect(runs[tz].new.schoolYear).toEqual(runs['Europe/Paris'].old.schoolYear);
    expect(runs[tz].new.clock).toEqual(runs['Europe/Paris'].old.clock);
  });

  it.each(ZONES)('calendar days: formatDay, formatShortDay, formatShortDate, formatMonth, formatDate, formatNumericDate (process in %s)', (tz) => {
    expect(runs[tz].new.days).toEqual(runs['Europe/Paris'].old.days);
    expect(runs[tz].old.days).toEqual(runs['Europe/Paris'].old.days); // those never depended on the zone
  });

  it('while the replaced instant formatters drifted outside Paris (why the module exists)', () => {
    expect(runs.UTC.old.dateTime).not.toEqual(runs['Europe/Paris'].old.dateTime);
    expect(runs.UTC.old.schoolYear).not.toEqual(runs['Europe/Paris'].old.schoolYear);
  });
});

describe('calendar days (no time zone involved)', () => {
  it('formatDay, formatShortDay, formatShortDate, formatMonth = lib/stages/time; dbDay = dbToDay (this process)', () => {
    expect(DAYS.map((d) => [F.formatDay(d), F.formatShortDay(d), F.formatShortDate(d), F.formatMonth(d.slice(0, 7))])).toEqual(
      DAYS.map((d) => [before.formatDay(d), before.formatShortDay(d), before.formatShortDate(d), before.formatMonth(d.slice(0, 7))]),
    );
    const dates = DAYS.map((d) => new Date(`${d}T00:00:00.000Z`));
    expect(dates.map((d) => [F.formatDate(F.dbDay(d)), F.formatNumericDate(F.dbDay(d)), F.formatDay(F.dbDay(d))])).toEqual(
      dates.map((d) => [before.classesDay(d), before.classesDay(d, 'dd/MM/yyyy'), before.classesDay(d, 'EEEE d MMMM yyyy')]),
    );
    expect(dates.map(F.dbDay)).toEqual(dates.map(before.dbToDay));
  });

  it('writes the house examples', () => {
    expect(F.formatDay('2027-03-12')).toBe('vendredi 12 mars 2027');
    expect(F.formatDay('2027-03-10')).toBe('mercredi 10 mars 2027');
    expect(F.formatDate('2027-03-12')).toBe('12 mars 2027');
    expect(F.formatShortDay('2026-12-02')).toBe('mer. 2 déc.');
    expect(F.formatShortDate('2026-12-02')).toBe('mer. 2 déc. 2026');
    expect(F.formatNumericDate('2012-05-04')).toBe('04/05/2012');
    expect(F.formatMonth('2026-12')).toBe('décembre 2026');
    expect(F.formatMonth('2027-08')).toBe('août 2027');
    expect(F.formatDay('2027-01-01')).toBe('vendredi 1 janvier 2027');
  });
});

describe('hours', () => {
  const ALL = Array.from({ length: 24 * 60 }, (_, i) => i);

  it('formatTime = formatMinutes, formatHours = formatHours / hoursLabel, every minute of the day', () => {
    expect(ALL.map(F.formatTime)).toEqual(ALL.map(before.formatMinutes));
    for (const start of ALL.filter((m) => m % 5 === 0)) {
      const end = (start + 185) % (24 * 60);
      expect(F.formatHours(start, end)).toBe(`${before.formatMinutes(start)} – ${before.formatMinutes(end)}`); // lib/stages/time formatHours
      expect(F.formatHours(start, end, 'à')).toBe(`${before.formatMinutes(start)} à ${before.formatMinutes(end)}`); // lib/stages/rules hoursLabel
    }
    expect(F.formatTime(540)).toBe('9 h 00');
    expect(F.formatTime(845)).toBe('14 h 05');
    expect(F.formatHours(540, 720)).toBe('9 h 00 – 12 h 00');
    expect(F.formatHours(540, 720, 'à')).toBe('9 h 00 à 12 h 00');
  });
});

describe('instants, in Europe/Paris', () => {
  it('writes summer and winter time, and the days after each change', () => {
    expect(F.formatDateTime(new Date('2027-03-12T13:05:00Z'))).toBe('vendredi 12 mars 2027 à 14 h 05'); // winter: UTC+1
    expect(F.formatDateTime(new Date('2027-03-12T13:05:00Z'), { weekday: false })).toBe('12 mars 2027 à 14 h 05');
    expect(F.formatDateTime(new Date('2027-07-14T08:00:00Z'))).toBe('mercredi 14 juillet 2027 à 10 h 00'); // summer: UTC+2
    expect(F.formatDateTime(new Date('2027-03-28T00:59:00Z'))).toBe('dimanche 28 mars 2027 à 1 h 59');
    expect(F.formatDateTime(new Date('2027-03-28T01:00:00Z'))).toBe('dimanche 28 mars 2027 à 3 h 00'); // 2 h → 3 h
    expect(F.formatDateTime(new Date('2027-03-29T07:30:00Z'))).toBe('lundi 29 mars 2027 à 9 h 30'); // the day after
    expect(F.formatDateTime(new Date('2027-10-31T00:30:00Z'))).toBe('dimanche 31 octobre 2027 à 2 h 30'); // first 2 h 30
    expect(F.formatDateTime(new Date('2027-10-31T01:30:00Z'))).toBe('dimanche 31 octobre 2027 à 2 h 30'); // second 2 h 30
    expect(F.formatDateTime(new Date('2027-11-01T08:30:00Z'))).toBe('lundi 1 novembre 2027 à 9 h 30'); // the day after
    expect(F.formatDateTime(new Date('2026-12-31T23:00:00Z'))).toBe('vendredi 1 janvier 2027 à 0 h 00');
    expect(F.parisDay(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});

describe('school years', () => {
  it('names a year by its rentrée', () => {
    for (let y = 2000; y <= 2100; y++) expect(F.schoolYearLabel(y)).toBe(before.schoolYearLabel(y));
    expect(F.schoolYearLabel(2026)).toBe('2026-2027');
    expect(F.schoolYearOfDay('2026-08-31')).toBe(2025);
    expect(F.schoolYearOfDay('2026-09-01')).toBe(2026);
    expect(F.schoolYearOf(new Date('2027-08-31T22:00:00Z'))).toBe(2027); // already 1 September in Paris
    expect(F.schoolYearOf(new Date('2027-08-31T21:59:59Z'))).toBe(2026);
    for (const d of DAYS) expect(F.schoolYearOfDay(d)).toBe(Number(before.schoolYearStart(d).slice(0, 4)));
  });
});

describe('durations', () => {
  it('formatDuration = formatValidity', () => {
    const values = [0, 0.01, 0.05, 0.5, 0.99, 1, 1.4, 1.5, 5, 59, 59.6, 60, 61, 89, 90, 119, 120, 47 * 60, 48 * 60 - 1, 48 * 60, 7 * 24 * 60, 30 * 24 * 60 + 700];
    expect(values.map(F.formatDuration)).toEqual(values.map(before.formatValidity));
    expect(F.formatDuration(5)).toBe('5 minutes');
    expect(F.formatDuration(60)).toBe('1 heure');
    expect(F.formatDuration(7 * 24 * 60)).toBe('7 jours');
  });
});

describe('names', () => {
  const PEOPLE = [
    { civility: 'Mme', firstName: 'Claire', lastName: 'Dupont', login: 'claire.dupont@ac-rennes.fr' },
    { civility: null, firstName: 'Claire', lastName: 'Dupont', login: 'c@x.fr' },
    { civility: 'M.', firstName: null, lastName: 'Martin', login: 'p@x.fr' },
    { civility: 'M.', firstName: 'Paul', lastName: null, login: 'p@x.fr' },
    { civility: null, firstName: null, lastName: null, login: 'ce.0351234a@ac-rennes.fr' },
    { civility: 'Mme', firstName: null, lastName: null, login: 'x@x.fr' },
    { civility: '', firstName: '', lastName: '', login: 'vide@x.fr' },
    { civility: null, firstName: 'Jean-Édouard', lastName: 'de La Tour', login: 'j@x.fr' },
  ];
  // Copies of the inline joins it replaced (lib/core/actor.ts loadUser, lib/core/credentials.ts,
  // lib/team/queries.ts person, lib/classes/queries.ts teacherName; invitations' inviterName;
  // lib/enrolments/queries.ts and cancel-mail.ts; app/sites/[host]/options/equipe).
  const withLogin = (u: (typeof PEOPLE)[number]) => [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;
  const orNull = (u: (typeof PEOPLE)[number] | null) => [u?.firstName, u?.lastName].filter(Boolean).join(' ') || null;
  const orPupil = (u: (typeof PEOPLE)[number]) => [u.firstName, u.lastName].filter(Boolean).join(' ') || 'Élève';

  it('displayName = the name joins it replaced', () => {
    for (const p of PEOPLE) {
      expect(F.displayName(p)).toBe(withLogin(p));
      expect(F.displayName(p, { civility: true })).toBe(before.personName(p));
      expect(F.displayName(p, { fallback: '' }) || null).toBe(orNull(p));
      expect(F.displayName(p, { fallback: 'Élève' })).toBe(orPupil(p));
      expect(F.displayName(p, { fallback: '—' })).toBe([p.firstName, p.lastName].filter(Boolean).join(' ') || '—');
    }
    expect(F.displayName(null, { fallback: '' }) || null).toBe(orNull(null));
    expect(F.displayName({ firstName: 'Claire', lastName: 'Dupont' })).toBe('Claire Dupont');
    expect(F.displayName(PEOPLE[0], { civility: true })).toBe('Mme Claire Dupont');
  });

  it('listName = pupilName', () => {
    for (const p of PEOPLE) expect(F.listName(p, 'Élève anonymisé')).toBe(before.pupilName(p));
    expect(F.listName({ firstName: 'Léa', lastName: 'Martin' }, 'Élève anonymisé')).toBe('MARTIN Léa');
  });
});
