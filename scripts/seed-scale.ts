// `npm run seed:scale`: one académie's worth of data in a FRESH database, for benchmarks
// (`npm run bench -- pages`) and for trying the pages at their real size.
//   DATABASE_URL=pglite:.data/pglite-scale npm run seed:scale      (or postgres://…)
//   npm run seed:scale -- --reset    empties the database first (every table), then fills it
//   npm run seed:scale -- --json     the last stdout line is a JSON summary (the benchmark reads it)
//
// From the real open data of prisma/data (the Ille-et-Vilaine extract of the Annuaire de l'éducation
// and the rentrée 2021 pupil counts per collège, ../shared/data/README.md):
// - the annuaire extract, imported as `npm run import:annuaire` would;
// - every collège of the counts file (109), registered: a chef d'établissement (the login rule of
//   lib/accounts/registration-rules.ts), a secretary, 3e classes of at most 28 pupils (and a « 3e
//   SEGPA » class) with one professeur principal each, the pupils of 3e (≈ 13,600) with one or two
//   guardians, 40 % of them with an account of their own; collèges missing from the extract are
//   added from the counts file (name, commune, sector);
// - 20 lycée platforms (real lycées of the extract, vocational ones first, slugs from their names),
//   each with formations, teachers, two contacts, an administrator (`ddfpt.<slug>@ac-rennes.fr`) and
//   two teachers with accounts, 100 stages on the school days of the current school year (the app
//   clock, lib/core/clock.ts: MINISTAGE_NOW moves it; no weekend, public holiday or school holiday
//   of zone B), some cancelled;
// - ≈ 6,000 enrolments by the pupils' professeurs principaux: past stages with their attendance,
//   full stages with a waiting list, cancellations — every rule and CHECK constraint holds
//   (enrolledCount = the confirmed rows ≤ capacity, a waiting list only on a full stage and within
//   waitingCap, one active enrolment per pupil and stage, no pupil in two stages at overlapping
//   hours, the stage's « Public » and the platforms' fair share respected), and the server's
//   background loops find nothing to do (convocations and reminders already sent).
// Every account has the demo password (prisma/seed.ts DEMO_PASSWORD): refused with APP_ENV=production.
// Bulk inserts (INSERT … SELECT FROM json_populate_recordset, 5,000 rows a statement) in one transaction: all or nothing. Deterministic
// (a seeded random generator), except the ids. Progress on stderr.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createPrisma, databaseTarget, type Db, type Tx } from '../lib/core/db.ts';
import * as clock from '../lib/core/clock.ts';
import { env } from '../lib/core/env.ts';
import { hashPassword } from '../lib/core/password.ts';
import { parisClock, schoolYearOf, type Day } from '../lib/core/format.ts';
import { importAnnuaire } from '../lib/reference/annuaire.ts';
import { readCsv } from '../lib/reference/csv.ts';
import { isPublicHoliday, isSchoolCalendarKnown, schoolHolidayOn } from '../lib/reference/holidays.ts';
import { academyOfUai } from '../lib/reference/academies.ts';
import { registrationTarget } from '../lib/accounts/registration-rules.ts';
import { JOIN_CODE_ALPHABET } from '../lib/classes/join-code.ts';
import { RESERVED_SLUGS, SLUG_RE } from '../lib/sites/urls.ts';
import { addDays, dayToDb, parisToUtc, weekday } from '../lib/stages/time.ts';
import { audienceRefusal, overlaps } from '../lib/enrolments/rules.ts';
import { waitingCap } from '../lib/enrolments/service.ts';
import type { Prisma } from '../lib/generated/prisma/client.ts';
import { deployMigrations } from '../prisma/migrate.ts';
import { ANNUAIRE_EXTRACT, DEMO_LOGINS, DEMO_PASSWORD } from '../prisma/seed.ts';

const EFFECTIFS = join(dirname(ANNUAIRE_EXTRACT), 'effectifs-colleges-35-2021.csv');
const PLATFORMS = 20;
const STAGES_PER_PLATFORM = 100;
const CLASS_SIZE = 28;
const FEEDERS_PER_PLATFORM = 30;
/** The demo's own lycée (Louis Guilloux, Rennes): the first platform, the one the benchmark signs in to. */
const FIRST_LYCEE = '0350032V';

// ───────────────────────────── determinism ─────────────────────────────

/** mulberry32: a small seeded generator, so that two runs make the same académie. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
    shuffle<T>(list: readonly T[]): T[] {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/** 32 hex characters, like the ids lib/enrolments/service.ts makes. */
const newId = () => randomUUID().replace(/-/g, '');

// ───────────────────────────── names ─────────────────────────────

const FIRST =
  'Léa|Hugo|Chloé|Lucas|Manon|Nathan|Inès|Louis|Jade|Gabriel|Camille|Jules|Emma|Arthur|Lina|Raphaël|Zoé|Adam|Louise|Tom|Alice|Noah|Rose|Ethan|Anna|Sacha|Lou|Maël|Ambre|Paul|Juliette|Timéo|Mila|Nolan|Clara|Enzo|Lilou|Malo|Romane|Gaël|Nina|Elouan|Agathe|Yanis|Margaux|Axel|Léonie|Mathis|Eva|Clément|Océane|Théo|Maëlys|Baptiste|Capucine|Evan|Salomé|Loan|Apolline|Aaron'.split(
    '|',
  );
const LAST =
  'Morel|Le Goff|Martin|Bernard|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Guillou|Le Gall|Tanguy|Le Roux|Hamon|Le Bihan|Jégou|Le Corre|Rault|Lemoine|Gautier|Perrin|Renaud|Collin|Chevalier|Hervé|Le Breton|Guérin|Boucher|Lebrun|Rolland|Pichon|Ménard|Guillaume|Jouan|Le Moal|Kerjean|Riou|Salaün|Le Floch|Cadiou|Daniel|Briand|Even|Pasquier|Gicquel|Lucas|Marchand|Nicolas|Bouvier|Gilbert|Lemaire|Faure|André|Mercier|Blanchard|Caron|Poirier|Colas|Hardy|Texier|Besnard|Lelièvre|Barbier|Ollivier|Quéré|Le Guen|Josse|Chauvel'.split(
    '|',
  );
const ADULT_FIRST =
  'Sandrine|Stéphane|Nathalie|Christophe|Isabelle|Sébastien|Céline|Nicolas|Aurélie|Julien|Émilie|Frédéric|Sophie|Olivier|Virginie|Yann|Gwenaëlle|Erwan|Anne|Pierre|Karine|Mickaël|Hélène|Loïc|Claire|Ronan'.split(
    '|',
  );
const CIVILITY_OF: Record<string, 'M.' | 'Mme'> = Object.fromEntries(
  ADULT_FIRST.map((f) => [
    f,
    ['Stéphane', 'Christophe', 'Sébastien', 'Nicolas', 'Julien', 'Frédéric', 'Olivier', 'Yann', 'Erwan', 'Pierre', 'Mickaël', 'Loïc', 'Ronan'].includes(f) ? 'M.' : 'Mme',
  ]),
);

/** « Léa Le Goff » → « lea.le-goff »: the part of a login or address before the suffix. */
function loginPart(firstName: string, lastName: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${fold(firstName)}.${fold(lastName)}`;
}

/** Logins handed out so far (and the demo's, never reused: `npm start` prints those when it finds one). */
function loginBook() {
  const taken = new Set<string>(DEMO_LOGINS.map((l) => l.login));
  return (base: string, domain: string | null) => {
    for (let n = 1; ; n++) {
      const local = n === 1 ? base : `${base}${n}`;
      const login = domain ? `${local}@${domain}` : local;
      if (!taken.has(login)) {
        taken.add(login);
        return login;
      }
    }
  };
}

const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'aux', 'au', 'sur', 'sous']);

/** « ST JOSEPH - LA SALLE » (the counts file's upper case, no accents) → « Saint-Joseph - la Salle ». */
function titleCase(raw: string): string {
  const words = raw
    .trim()
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .split(/\s+/);
  const cased = words.map((w, i) =>
    i > 0 && SMALL_WORDS.has(w)
      ? w
      : w
          .split('-')
          .map((p) => p.replace(/^(l'|d')?(.)/, (_m, pre: string | undefined, c: string) => `${pre ?? ''}${c.toUpperCase()}`))
          .join('-'),
  );
  return cased
    .join(' ')
    .replace(/\bSaint (\p{L})/gu, 'Saint-$1')
    .replace(/\bSainte (\p{L})/gu, 'Sainte-$1');
}

/** A platform's subdomain from its lycée's name: « Lycée professionnel Louis Guilloux » → louis-guilloux. */
const SLUG_NOISE = new Set([
  'lycee',
  'professionnel',
  'polyvalent',
  'agricole',
  'maritime',
  'technologique',
  'general',
  'et',
  'section',
  'd',
  'enseignement',
  'sep',
  'sgt',
  'hotelier',
  'prive',
  'des',
  'metiers',
  'de',
  'l',
  'lp',
  'lpo',
]);
function slugOf(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && SLUG_NOISE.has(words[0])) words.shift();
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 40) break;
    slug = next;
  }
  return slug;
}

// ───────────────────────────── the school year ─────────────────────────────

/**
 * The school days of the running school year on which lycées hold mini-stages: from two weeks
 * after the rentrée to mid-June, Monday to Friday, no public holiday, no school holiday of the zone.
 */
function schoolDays(year: number, zone: 'A' | 'B' | 'C' | null): Day[] {
  const days: Day[] = [];
  for (let d: Day = `${year}-09-15`; d <= `${year + 1}-06-15`; d = addDays(d, 1)) {
    const wd = weekday(d);
    if (wd === 0 || wd === 6 || isPublicHoliday(d) || schoolHolidayOn(d, zone)) continue;
    days.push(d);
  }
  return days;
}

const SLOTS = [
  { start: 9 * 60, end: 12 * 60, detail: '9 h 00 – 12 h 00 : atelier' },
  { start: 13 * 60 + 30, end: 16 * 60 + 30, detail: '13 h 30 – 16 h 30 : atelier et échanges avec les élèves' },
  { start: 8 * 60 + 30, end: 15 * 60 + 30, detail: '8 h 30 – 12 h 00 atelier, repas au self, 13 h 00 – 15 h 30 cours' },
  { start: 10 * 60, end: 12 * 60, detail: '10 h 00 – 12 h 00 : visite des plateaux techniques' },
] as const;

const VOCATIONAL = [
  ['Bac pro', "Métiers de l'électricité et de ses environnements connectés"],
  ['Bac pro', 'Métiers du commerce et de la vente'],
  ['Bac pro', "Métiers de l'accueil"],
  ['Bac pro', 'Assistance à la gestion des organisations et de leurs activités'],
  ['Bac pro', 'Maintenance des véhicules'],
  ['Bac pro', 'Technicien en chaudronnerie industrielle'],
  ['Bac pro', 'Accompagnement, soins et services à la personne'],
  ['Bac pro', 'Cuisine'],
  ['Bac pro', 'Commercialisation et services en restauration'],
  ['Bac pro', 'Métiers de la coiffure'],
  ['Bac pro', 'Modélisation et prototypage 3D'],
  ['Bac pro', "Technicien d'études du bâtiment"],
  ['Bac pro', 'Aménagement et finition du bâtiment'],
  ['Bac pro', 'Logistique'],
  ['CAP', 'Équipier polyvalent du commerce'],
  ['CAP', 'Électricien'],
  ['CAP', 'Menuisier fabricant'],
  ['CAP', 'Accompagnant éducatif petite enfance'],
  ['CAP', 'Cuisine'],
  ['CAP', 'Maçon'],
  ['CAP', 'Esthétique, cosmétique, parfumerie'],
] as const;
const GENERAL = [
  ['2nde GT', 'Sciences de l’ingénieur'],
  ['2nde GT', 'Management et gestion'],
  ['2nde GT', 'Biotechnologies'],
  ['2nde GT', 'Sciences et laboratoire'],
  ['2nde GT', 'Création et culture design'],
  ['2nde GT', 'Section européenne anglais'],
  ['Bac techno', 'STMG'],
  ['Bac techno', 'STI2D'],
  ['Bac techno', 'ST2S'],
  ['Bac techno', 'STL'],
] as const;

// ───────────────────────────── what is in the database ─────────────────────────────

/** The rows beyond the reference data (académies, the annuaire): a database holding any is not fresh. */
async function contents(db: Db) {
  const [users, sites, memberships, classes, pupils, stages, enrolments, registered] = await Promise.all([
    db.user.count(),
    db.site.count(),
    db.membership.count(),
    db.classRoom.count(),
    db.pupil.count(),
    db.stage.count(),
    db.enrolment.count(),
    db.establishment.count({ where: { registeredAt: { not: null } } }),
  ]);
  const found: [number, string][] = [
    [users, 'compte(s)'],
    [sites, 'plateforme(s)'],
    [registered, 'établissement(s) inscrit(s)'],
    [memberships, 'membre(s) d’équipe'],
    [classes, 'classe(s)'],
    [pupils, 'élève(s)'],
    [stages, 'stage(s)'],
    [enrolments, 'inscription(s)'],
  ];
  return found.filter(([n]) => n > 0).map(([n, what]) => `${n.toLocaleString('fr-FR')} ${what}`);
}

/** Empties every table of the application (--reset): the migrations' history stays. */
async function emptyDatabase(db: Db) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
}

// ───────────────────────────── progress ─────────────────────────────

type Progress = (what: string) => void;

function stderrProgress(): Progress {
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  return (what) => {
    const line = `[seed:scale] ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${what}`;
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
}

/**
 * One statement per 5,000 rows, whatever the database: `INSERT … SELECT … FROM json_populate_recordset`
 * with the rows as one JSON parameter (Prisma's createMany binds every value, which costs ten times
 * more on PGlite). The rows are typed as createMany's input; the columns are their keys, and the
 * columns Prisma fills itself (@updatedAt) are given here. Dates go as ISO strings (UTC, which the
 * timestamp(3) and date columns keep as they are).
 */
async function bulkInsert<T extends object>(tx: Tx, table: string, rows: T[], progress: Progress, label: string, options: { updatedAt?: Date } = {}) {
  const CHUNK = 5000;
  // Rows of one shape per statement: a column missing from a row would be NULL, not its default.
  const shapes = new Map<string, T[]>();
  for (const r of rows) {
    const shape = Object.keys(r).join(',');
    const group = shapes.get(shape);
    if (group) group.push(r);
    else shapes.set(shape, [r]);
  }
  let done = 0;
  for (const [shape, group] of shapes) {
    const cols = [...shape.split(','), ...(options.updatedAt ? ['updatedAt'] : [])].map((k) => `"${k}"`).join(', ');
    const sql = `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
    for (let i = 0; i < group.length; i += CHUNK) {
      const chunk = group.slice(i, i + CHUNK);
      await tx.$executeRawUnsafe(sql, JSON.stringify(options.updatedAt ? chunk.map((r) => ({ ...r, updatedAt: options.updatedAt })) : chunk));
      done += chunk.length;
      progress(`${label} ${done.toLocaleString('fr-FR')} / ${rows.length.toLocaleString('fr-FR')}`);
    }
  }
  // Statistics at once (autovacuum would come later): the next tables' foreign-key checks and the
  // server's first queries are planned for the rows there are, not for an empty table.
  await tx.$executeRawUnsafe(`ANALYZE "${table}"`);
}

// ───────────────────────────── the académie ─────────────────────────────

type CollegeCount = { uai: string; name: string; city: string; isPublic: boolean; third: number; segpa: number };

/** The collèges of the counts file (rentrée 2021) with their pupils in 3e (ULIS pupils sit in the ordinary classes). */
async function readCounts(): Promise<CollegeCount[]> {
  let header: string[] | null = null;
  const out: CollegeCount[] = [];
  for await (const rec of readCsv(EFFECTIFS, ';')) {
    if (!header) {
      header = rec.fields;
      continue;
    }
    const f = (name: string) => {
      const i = header!.indexOf(name);
      if (i < 0) throw new Error(`${EFFECTIFS} : colonne « ${name} » introuvable.`);
      return rec.fields[i]?.trim() ?? '';
    };
    const kind = f('Dénomination principale')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (!kind.startsWith('COLLEGE')) continue; // lycées professionnels (3e prépa-métiers), EREA
    out.push({
      uai: f('Numéro du collège').toUpperCase(),
      name: `Collège ${titleCase(f('Patronyme'))}`,
      city: titleCase(f('Commune')),
      isPublic: f('Secteur') === 'PUBLIC',
      third: Number(f('Nombre de 3èmes hors Segpa hors ULIS')) + Number(f('Nombre de 3èmes ULIS')),
      segpa: Number(f('Nombre de 3èmes Segpa')),
    });
  }
  return out;
}

type PupilPlan = { id: string; establishmentId: string; level: string; enrollerId: string };
type StagePlan = Prisma.StageCreateManyInput & { id: string; siteId: string; date: Date; day: Day; capacity: number; audience: string[]; cancelledAt: Date | null };

export type ScaleSummary = {
  seconds: number;
  schoolYear: number;
  today: Day;
  counts: Record<string, number>;
  /** What a benchmark signs in as and opens. */
  bench: {
    password: string;
    platform: { slug: string; name: string; admin: string };
    college: { uai: string; name: string; principal: string };
    classId: string;
    className: string;
    mainTeacher: string;
    stageId: string;
  };
  logins: { who: string; login: string; host: string }[];
};

/** Fills a fresh database (the caller checked it is fresh). */
export async function seedScale(prisma: Db, options: { progress?: Progress } = {}): Promise<ScaleSummary> {
  if (env.isProduction) throw new Error(PRODUCTION_REFUSED);
  const progress = options.progress ?? (() => {});
  const t0 = performance.now();
  const now = clock.now();
  const nowMs = now.getTime();
  const today = parisClock(now).day;
  const schoolYear = schoolYearOf(now);
  if (!isSchoolCalendarKnown(`${schoolYear + 1}-06-15`)) {
    progress(
      `attention : les vacances scolaires de ${schoolYear}-${schoolYear + 1} ne sont pas connues (lib/reference/holidays.ts) ; seuls les week-ends et jours fériés sont évités.`,
    );
  }
  const rng = generator(20_261_203);
  const login = loginBook();
  const hash = await hashPassword(DEMO_PASSWORD);

  // Reference data first (idempotent, outside the transaction: the importer has its own batches).
  await importAnnuaire({ prisma, source: ANNUAIRE_EXTRACT });
  progress('annuaire importé');
  const counts = await readCounts();

  return prisma.$transaction(
    async (tx) => {
      const known = new Map(
        (
          await tx.establishment.findMany({
            where: { uai: { in: counts.map((c) => c.uai) } },
            select: { id: true, uai: true, kind: true, directoryEmail: true, isPublic: true, academyCode: true, name: true },
          })
        ).map((e) => [e.uai, e]),
      );

      // ── Collèges: the extract's, and the others from the counts file ──
      const colleges = counts
        .filter((c) => (known.get(c.uai)?.kind ?? 'COLLEGE') === 'COLLEGE')
        .map((c) => {
          const e = known.get(c.uai);
          return { ...c, id: e?.id ?? newId(), name: e?.name ?? c.name, inExtract: !!e, directoryEmail: e?.directoryEmail ?? null };
        });
      const added = colleges.filter((c) => !c.inExtract);
      await bulkInsert(
        tx,
        'Establishment',
        added.map((c) => ({
          id: c.id,
          uai: c.uai,
          name: c.name,
          kind: 'COLLEGE' as const,
          isPublic: c.isPublic,
          natureLabel: c.isPublic ? 'COLLEGE' : 'COLLEGE PRIVE',
          city: c.city,
          departmentCode: '035',
          academyCode: 'rennes',
          open: true,
        })),
        progress,
        'collèges ajoutés',
        { updatedAt: now },
      );
      progress(`collèges : ${colleges.length} (${added.length} ajoutés depuis les effectifs)`);

      // ── Staff, classes, pupils, guardians ──
      const users: Prisma.UserCreateManyInput[] = [];
      const memberships: Prisma.MembershipCreateManyInput[] = [];
      const classRooms: Prisma.ClassRoomCreateManyInput[] = [];
      const classTeachers: Prisma.ClassTeacherCreateManyInput[] = [];
      const pupils: Prisma.PupilCreateManyInput[] = [];
      const guardians: Prisma.GuardianCreateManyInput[] = [];
      const heads: { id: string; headName: string; headTitle: string }[] = [];
      const plans = new Map<string, PupilPlan[]>(); // collège id → its pupils
      const principals = new Map<string, { userId: string; login: string }>();
      const classesOf = new Map<string, { id: string; name: string; size: number; ppLogin: string }[]>();
      const joinCodes = new Set<string>();
      const joinCode = () => {
        for (;;) {
          let code = '';
          for (let i = 0; i < 6; i++) code += rng.pick([...JOIN_CODE_ALPHABET]);
          if (!joinCodes.has(code)) {
            joinCodes.add(code);
            return code;
          }
        }
      };
      const staff = (
        establishmentId: string,
        role: 'PRINCIPAL' | 'SECRETARY' | 'MAIN_TEACHER',
        fn: string,
        who: { firstName: string; lastName: string; login: string },
      ) => {
        const userId = newId();
        const membershipId = newId();
        users.push({
          id: userId,
          login: who.login,
          email: who.login,
          emailVerified: now,
          firstName: who.firstName,
          lastName: who.lastName,
          civility: CIVILITY_OF[who.firstName] ?? null,
          passwordHash: hash,
          status: 'ACTIVE',
        });
        memberships.push({ id: membershipId, userId, establishmentId, role, function: fn, status: 'ACTIVE', approvedAt: now });
        return { userId, membershipId };
      };
      const person = () => {
        const firstName = rng.pick(ADULT_FIRST);
        const lastName = rng.pick(LAST);
        return { firstName, lastName };
      };

      for (const c of colleges) {
        const target = registrationTarget({ uai: c.uai, isPublic: c.isPublic, directoryEmail: c.directoryEmail, academyCode: 'rennes' });
        const headLogin = login(
          target.kind === 'address' ? target.login.split('@')[0] : `ce.${c.uai.toLowerCase()}`,
          target.kind === 'address' ? target.login.split('@')[1] : 'ac-rennes.fr',
        );
        const head = person();
        const principal = staff(c.id, 'PRINCIPAL', "Chef d'établissement", { ...head, login: headLogin });
        principals.set(c.id, { userId: principal.userId, login: headLogin });
        const female = CIVILITY_OF[head.firstName] === 'Mme';
        heads.push({
          id: c.id,
          headName: `${CIVILITY_OF[head.firstName]} ${head.firstName} ${head.lastName}`,
          headTitle: c.isPublic ? (female ? 'Principale' : 'Principal') : female ? 'Directrice' : 'Directeur',
        });
        const sec = person();
        staff(c.id, 'SECRETARY', 'Secrétariat de direction', { ...sec, login: login(loginPart(sec.firstName, sec.lastName), 'ac-rennes.fr') });

        const rooms: { name: string; level: string; size: number }[] = [];
        const n = Math.ceil(c.third / CLASS_SIZE);
        for (let i = 0; i < n; i++) rooms.push({ name: `3e ${String.fromCharCode(65 + i)}`, level: '3e', size: Math.floor(c.third / n) + (i < c.third % n ? 1 : 0) });
        if (c.segpa > 0) rooms.push({ name: '3e SEGPA', level: 'SEGPA', size: c.segpa });
        const list: PupilPlan[] = [];
        const roomsOut: { id: string; name: string; size: number; ppLogin: string }[] = [];
        for (const room of rooms) {
          const pp = person();
          const ppLogin = login(loginPart(pp.firstName, pp.lastName), 'ac-rennes.fr');
          const teacher = staff(c.id, 'MAIN_TEACHER', CIVILITY_OF[pp.firstName] === 'Mme' ? 'Professeure principale' : 'Professeur principal', { ...pp, login: ppLogin });
          const classRoomId = newId();
          classRooms.push({ id: classRoomId, establishmentId: c.id, name: room.name, level: room.level, schoolYear, joinCode: joinCode() });
          classTeachers.push({ classRoomId, membershipId: teacher.membershipId });
          roomsOut.push({ id: classRoomId, name: room.name, size: room.size, ppLogin });
          for (let i = 0; i < room.size; i++) {
            const pupilId = newId();
            const firstName = rng.pick(FIRST);
            const lastName = rng.pick(LAST);
            let userId: string | null = null;
            if (rng.chance(0.4)) {
              userId = newId();
              users.push({ id: userId, login: login(loginPart(firstName, lastName), null), firstName, lastName, passwordHash: hash, status: 'ACTIVE' });
            }
            const age = room.level === 'SEGPA' || rng.chance(0.08) ? 15 : 14;
            pupils.push({
              id: pupilId,
              userId,
              establishmentId: c.id,
              classRoomId,
              firstName,
              lastName,
              birthDate: new Date(Date.UTC(schoolYear - age, rng.int(0, 11), rng.int(1, 28))),
              level: room.level,
              schoolYear,
            });
            const g1 = rng.pick(ADULT_FIRST);
            guardians.push({
              id: newId(),
              pupilId,
              rank: 1,
              firstName: g1,
              lastName,
              email: rng.chance(0.85) ? `${loginPart(g1, lastName)}.${pupilId.slice(0, 4)}@example.fr` : null,
              phone: `06 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
            });
            if (rng.chance(0.6)) {
              const g2 = rng.pick(ADULT_FIRST);
              guardians.push({
                id: newId(),
                pupilId,
                rank: 2,
                firstName: g2,
                lastName: rng.chance(0.8) ? lastName : rng.pick(LAST),
                email: rng.chance(0.6) ? `${loginPart(g2, lastName)}.${pupilId.slice(4, 8)}@example.fr` : null,
                phone: rng.chance(0.7) ? `07 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
              });
            }
            // The professeur principal enrols (their reach: their class); sometimes the secretariat's head does.
            list.push({ id: pupilId, establishmentId: c.id, level: room.level, enrollerId: rng.chance(0.8) ? teacher.userId : principal.userId });
          }
        }
        plans.set(c.id, list);
        classesOf.set(c.id, roomsOut);
      }

      // ── Lycée platforms ──
      const lycees = (
        await tx.establishment.findMany({
          where: { kind: 'LYCEE', open: true, name: { startsWith: 'lycée', mode: 'insensitive' } },
          select: { id: true, uai: true, name: true, city: true, phone: true, directoryEmail: true, vocational: true, isPublic: true },
        })
      ).sort(
        (a, b) => Number(b.uai === FIRST_LYCEE) - Number(a.uai === FIRST_LYCEE) || Number(b.vocational) - Number(a.vocational) || a.name.localeCompare(b.name, 'fr'),
      );
      const sites: Prisma.SiteCreateManyInput[] = [];
      const contacts: Prisma.ContactCreateManyInput[] = [];
      const formations: Prisma.FormationCreateManyInput[] = [];
      const teachers: Prisma.TeacherCreateManyInput[] = [];
      const siteMemberships: Prisma.SiteMembershipCreateManyInput[] = [];
      const lyceeHeads: { id: string; headName: string; headTitle: string }[] = [];
      const slugs = new Set<string>();
      const platforms: {
        id: string;
        slug: string;
        name: string;
        admin: string;
        adminId: string;
        uai: string;
        fairShare: number | null;
        formationIds: string[];
        teacherIds: string[];
      }[] = [];
      for (const l of lycees) {
        if (platforms.length === PLATFORMS) break;
        let slug = slugOf(l.name);
        for (let n = 2; slugs.has(slug) || RESERVED_SLUGS.has(slug); n++) slug = `${slugOf(l.name).slice(0, 37)}-${n}`;
        if (!SLUG_RE.test(slug)) continue;
        slugs.add(slug);
        const siteId = newId();
        const fairShare = platforms.length % 7 === 3 ? 3 : null; // three platforms share their seats between collèges
        sites.push({
          id: siteId,
          establishmentId: l.id,
          name: l.name,
          slug,
          conventionReturn: 'Retourner la convention signée au secrétariat du lycée, au plus tard 3 jours avant le stage.',
          convocationNote: rng.chance(0.5) ? 'Prévoir une tenue adaptée aux ateliers et des chaussures fermées.' : null,
          fairShareSeats: fairShare,
          fairShareDays: fairShare ? 7 : null,
          createdAt: new Date(Date.UTC(schoolYear, 8, 1)),
        });
        const adminName = person();
        const admin = login(`ddfpt.${slug}`, 'ac-rennes.fr');
        const adminId = newId();
        users.push({
          id: adminId,
          login: admin,
          email: admin,
          emailVerified: now,
          ...adminName,
          civility: CIVILITY_OF[adminName.firstName],
          passwordHash: hash,
          status: 'ACTIVE',
        });
        siteMemberships.push({ id: newId(), siteId, userId: adminId, role: 'ADMIN' });
        contacts.push(
          { id: newId(), siteId, name: `${adminName.firstName} ${adminName.lastName}`, role: 'DDFPT (chef de travaux)', email: admin, phone: l.phone, position: 1 },
          { id: newId(), siteId, name: 'Secrétariat', role: 'Accueil et conventions', email: l.directoryEmail?.toLowerCase() ?? null, phone: l.phone, position: 2 },
        );
        const head = person();
        lyceeHeads.push({
          id: l.id,
          headName: `${CIVILITY_OF[head.firstName]} ${head.firstName} ${head.lastName}`,
          headTitle: CIVILITY_OF[head.firstName] === 'Mme' ? 'Proviseure' : 'Proviseur',
        });
        const catalogue: readonly (readonly [string, string])[] = l.vocational ? VOCATIONAL : GENERAL;
        const formationIds: string[] = [];
        for (const [type, name] of rng.shuffle(catalogue).slice(0, rng.int(5, l.vocational ? 9 : 7))) {
          const id = newId();
          formations.push({ id, siteId, type, name });
          formationIds.push(id);
        }
        const teacherIds: string[] = [];
        const names = new Set<string>();
        while (teacherIds.length < rng.int(5, 8)) {
          const t = person();
          const key = `${t.lastName}|${t.firstName}`;
          if (names.has(key)) continue;
          names.add(key);
          const id = newId();
          teachers.push({ id, siteId, ...t, email: rng.chance(0.5) ? `${loginPart(t.firstName, t.lastName)}@ac-rennes.fr` : null });
          teacherIds.push(id);
          // Two of them have an account on the platform (SiteRole TEACHER).
          if (teacherIds.length <= 2) {
            const userId = newId();
            const tl = login(loginPart(t.firstName, t.lastName), 'ac-rennes.fr');
            users.push({ id: userId, login: tl, email: tl, emailVerified: now, ...t, civility: CIVILITY_OF[t.firstName], passwordHash: hash, status: 'ACTIVE' });
            siteMemberships.push({ id: newId(), siteId, userId, role: 'TEACHER' });
          }
        }
        platforms.push({ id: siteId, slug, name: l.name, admin, adminId, uai: l.uai, fairShare, formationIds, teacherIds });
      }
      if (platforms.length < PLATFORMS) throw new Error(`L’extrait de l’annuaire ne compte que ${platforms.length} lycées utilisables (${PLATFORMS} attendus).`);
      const operator = login('operateur.academie', 'ministage.localhost');
      users.push({
        id: newId(),
        login: operator,
        email: operator,
        emailVerified: now,
        firstName: 'Équipe',
        lastName: 'technique',
        passwordHash: hash,
        status: 'ACTIVE',
        isOperator: true,
      });

      // ── Stages over the school year, and their enrolments ──
      const stages: StagePlan[] = [];
      const enrolments: Prisma.EnrolmentCreateManyInput[] = [];
      /** Each pupil's active enrolments (stage day and hours): no two at overlapping hours. */
      const busy = new Map<string, { date: Day; startMinutes: number; endMinutes: number }[]>();
      const zone = academyOfUai(FIRST_LYCEE)?.holidayZone ?? null;
      const days = schoolDays(schoolYear, zone);
      const DAY_MS = 86_400_000;
      const allColleges = colleges.map((c) => c.id);
      for (const p of platforms) {
        const feeders = rng.shuffle(allColleges).slice(0, FEEDERS_PER_PLATFORM);
        const pool = feeders.flatMap((id) => plans.get(id) ?? []);
        const used = new Set<string>();
        for (let i = 0; i < STAGES_PER_PLATFORM; i++) {
          // Mini-stages are most frequent from November to March.
          let day: Day;
          let slot: (typeof SLOTS)[number];
          let formationId: string;
          do {
            day = rng.pick(days);
            const month = Number(day.slice(5, 7));
            if ((month === 9 || month === 10 || month === 5 || month === 6) && rng.chance(0.5)) day = rng.pick(days);
            slot = weekday(day) === 3 ? SLOTS[rng.chance(0.5) ? 0 : 3] : rng.pick(SLOTS); // Wednesday: the morning only
            formationId = rng.pick(p.formationIds);
          } while (used.has(`${formationId}|${day}|${slot.start}`));
          used.add(`${formationId}|${day}|${slot.start}`);
          const capacity = rng.pick([2, 3, 4, 4, 5, 5, 6, 6, 6, 8, 8, 10, 12]);
          const roll = rng.next();
          const audience = roll < 0.6 ? ['3e'] : roll < 0.85 ? ['4e', '3e'] : roll < 0.95 ? [] : ['3e', '3e SEGPA'];
          const date = dayToDb(day);
          const startsAt = parisToUtc(day, slot.start).getTime();
          // Published 2 to 17 weeks before, never before the rentrée nor after now.
          const publishedAt = Math.min(nowMs - DAY_MS, Math.max(Date.UTC(schoolYear, 8, 2, 8), startsAt - rng.int(14, 120) * DAY_MS));
          const cancelled = rng.chance(0.03);
          const past = day < today;
          const weeksAway = (startsAt - nowMs) / (7 * DAY_MS);
          const stage: StagePlan = {
            id: newId(),
            siteId: p.id,
            formationId,
            teacherId: rng.chance(0.9) ? rng.pick(p.teacherIds) : null,
            stageType: rng.chance(0.2) ? 'Journée découverte' : 'Mini-stage',
            date,
            day,
            startMinutes: slot.start,
            endMinutes: slot.end,
            scheduleDetail: slot.detail,
            capacity,
            enrolledCount: 0,
            place: rng.pick(['Atelier B12, bâtiment B', 'Plateau technique, rez-de-chaussée', 'Hall A, accueil', 'Salle 104', 'Ateliers, rue du Lycée']),
            audience,
            description: 'Découverte du métier en atelier, avec les élèves de la formation.',
            status: cancelled ? 'CANCELLED' : 'PUBLISHED',
            cancelledAt: cancelled ? new Date(Math.min(nowMs - 3600_000, startsAt - 2 * DAY_MS)) : null,
            cancelReason: cancelled ? 'Enseignant absent ce jour-là : le stage est reporté.' : null,
            createdById: p.adminId,
            createdAt: new Date(publishedAt),
          };
          if (stage.cancelledAt && stage.cancelledAt.getTime() < publishedAt) stage.cancelledAt = new Date(publishedAt + 3600_000);
          stages.push(stage);

          // How many seats are taken: past and near stages fill up, far ones have just opened.
          const full = !cancelled && (past || weeksAway < 8) && rng.chance(0.16);
          const fill = past ? 0.5 + rng.next() * 0.5 : weeksAway < 3 ? 0.3 + rng.next() * 0.6 : weeksAway < 8 ? 0.15 + rng.next() * 0.5 : rng.next() * 0.3;
          const confirmedWanted = cancelled ? 0 : full ? capacity : Math.min(capacity - 1, Math.round(capacity * fill));
          const waitingWanted = full ? Math.min(waitingCap(capacity), rng.int(1, 6)) : 0;
          const cancelledWanted = cancelled ? rng.int(0, Math.min(capacity, 4)) : rng.chance(0.12) ? 1 : 0;
          const lastEnrolment = Math.max(
            publishedAt + 60_000,
            Math.min(nowMs - 60_000, startsAt - 3600_000, stage.cancelledAt ? stage.cancelledAt.getTime() - 60_000 : Infinity),
          );
          const times = Array.from({ length: confirmedWanted + waitingWanted + cancelledWanted }, () => publishedAt + rng.next() * (lastEnrolment - publishedAt)).sort(
            (a, b) => a - b,
          );
          // The earliest enrolments took the seats; the later ones wait (the waiting order is createdAt).
          const statuses: ('CONFIRMED' | 'WAITING' | 'CANCELLED')[] = [];
          for (let k = 0; k < confirmedWanted; k++) statuses.push('CONFIRMED');
          for (let k = 0; k < waitingWanted; k++) statuses.push('WAITING');
          for (let k = 0; k < cancelledWanted; k++) statuses.splice(rng.int(0, statuses.length), 0, 'CANCELLED');
          const perCollege = new Map<string, number>();
          const inStage = new Set<string>();
          for (let k = 0; k < statuses.length; k++) {
            const status = cancelled ? 'CANCELLED' : statuses[k];
            // A waiting list only on a full stage (fewer pupils found than seats: nobody waits).
            if (status === 'WAITING' && (stage.enrolledCount as number) < capacity) continue;
            const active = status !== 'CANCELLED';
            let pupil: PupilPlan | null = null;
            for (let attempt = 0; attempt < 50 && !pupil; attempt++) {
              const candidate = rng.pick(pool);
              if (inStage.has(candidate.id) || audienceRefusal(audience, candidate.level)) continue;
              if (active && (busy.get(candidate.id) ?? []).some((b) => overlaps(b, { date: day, startMinutes: slot.start, endMinutes: slot.end }))) continue;
              if (status === 'CONFIRMED' && p.fairShare != null && (perCollege.get(candidate.establishmentId) ?? 0) >= p.fairShare) continue;
              pupil = candidate;
            }
            if (!pupil) continue;
            inStage.add(pupil.id);
            if (active) {
              const list = busy.get(pupil.id) ?? [];
              list.push({ date: day, startMinutes: slot.start, endMinutes: slot.end });
              busy.set(pupil.id, list);
            }
            if (status === 'CONFIRMED') {
              perCollege.set(pupil.establishmentId, (perCollege.get(pupil.establishmentId) ?? 0) + 1);
              stage.enrolledCount = (stage.enrolledCount as number) + 1;
            }
            const createdAt = new Date(times[k]);
            const cancelledAt = cancelled ? stage.cancelledAt! : status === 'CANCELLED' ? new Date(Math.min(lastEnrolment, times[k] + rng.int(1, 72) * 3600_000)) : null;
            // As the server's loops would have left them: convocation sent, reminders sent when due.
            const confirmedLive = status === 'CONFIRMED';
            const present = confirmedLive && past && rng.chance(0.9) ? (rng.chance(0.93) ? 'PRESENT' : 'ABSENT') : null;
            enrolments.push({
              id: newId(),
              stageId: stage.id,
              pupilId: pupil.id,
              establishmentId: pupil.establishmentId,
              enrolledById: pupil.enrollerId,
              status,
              attendance: present,
              attendanceAt: present ? new Date(Math.min(nowMs, startsAt + 3600_000)) : null,
              absenceNotifiedAt: present === 'ABSENT' ? new Date(Math.min(nowMs, startsAt + 3600_000)) : null,
              convocationSentAt: status !== 'WAITING' ? new Date(times[k] + 60_000) : null,
              reminderSentAt: confirmedLive && day <= addDays(today, 1) ? new Date(Math.max(times[k] + 120_000, Math.min(nowMs, startsAt - DAY_MS))) : null,
              conventionReminderSentAt: confirmedLive && day <= addDays(today, 7) ? new Date(Math.max(times[k] + 120_000, Math.min(nowMs, startsAt - 7 * DAY_MS))) : null,
              sequence: status === 'CANCELLED' ? 1 : 0,
              cancelledAt,
              createdAt,
            });
          }
        }
      }
      // Counted from the rows themselves, as the CHECK constraint and the service see them.
      for (const s of stages) if ((s.enrolledCount as number) > s.capacity) throw new Error('incohérence : plus d’inscrits que de places');

      // ── Writing ──
      progress('écriture…');
      await bulkInsert(tx, 'User', users, progress, 'comptes', { updatedAt: now });
      await bulkInsert(tx, 'Membership', memberships, progress, 'membres des équipes', { updatedAt: now });
      const ids = heads.map((h) => h.id).concat(lyceeHeads.map((h) => h.id));
      const names = heads.map((h) => h.headName).concat(lyceeHeads.map((h) => h.headName));
      const titles = heads.map((h) => h.headTitle).concat(lyceeHeads.map((h) => h.headTitle));
      const registered = heads.map((h) => h.id);
      await tx.$executeRaw`UPDATE "Establishment" e SET "headName" = v.name, "headTitle" = v.title, "registeredAt" = CASE WHEN e."id" = ANY(${registered}::text[]) THEN ${now} ELSE e."registeredAt" END, "updatedAt" = ${now}
        FROM unnest(${ids}::text[], ${names}::text[], ${titles}::text[]) AS v(id, name, title) WHERE e."id" = v.id`;
      await bulkInsert(tx, 'ClassRoom', classRooms, progress, 'classes', { updatedAt: now });
      await bulkInsert(tx, 'ClassTeacher', classTeachers, progress, 'professeurs principaux');
      await bulkInsert(tx, 'Pupil', pupils, progress, 'élèves', { updatedAt: now });
      await bulkInsert(tx, 'Guardian', guardians, progress, 'responsables légaux');
      await bulkInsert(tx, 'Site', sites, progress, 'plateformes', { updatedAt: now });
      await bulkInsert(tx, 'SiteMembership', siteMemberships, progress, 'équipes des plateformes');
      await bulkInsert(tx, 'Contact', contacts, progress, 'contacts');
      await bulkInsert(tx, 'Formation', formations, progress, 'formations');
      await bulkInsert(tx, 'Teacher', teachers, progress, 'enseignants');
      await bulkInsert(
        tx,
        'Stage',
        stages.map(({ day: _day, ...s }) => s),
        progress,
        'stages',
        { updatedAt: now },
      );
      await bulkInsert(tx, 'Enrolment', enrolments, progress, 'inscriptions');

      // ── What a benchmark opens: the first platform, its busiest upcoming stage, the collège with the most pupils there ──
      const first = platforms[0];
      const firstStages = new Set(stages.filter((s) => s.siteId === first.id).map((s) => s.id));
      const byCollege = new Map<string, number>();
      const activeByStage = new Map<string, number>();
      for (const e of enrolments) {
        if (!firstStages.has(e.stageId) || e.status === 'CANCELLED') continue;
        byCollege.set(e.establishmentId, (byCollege.get(e.establishmentId) ?? 0) + 1);
        activeByStage.set(e.stageId, (activeByStage.get(e.stageId) ?? 0) + 1);
      }
      const collegeId = [...byCollege.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? colleges[0].id;
      const college = colleges.find((c) => c.id === collegeId)!;
      const room = [...(classesOf.get(collegeId) ?? [])].sort((a, b) => b.size - a.size)[0];
      const upcoming = stages
        .filter((s) => s.siteId === first.id && s.status === 'PUBLISHED' && s.day >= today)
        .sort((a, b) => (activeByStage.get(b.id) ?? 0) - (activeByStage.get(a.id) ?? 0) || a.day.localeCompare(b.day));
      const stageId = (upcoming[0] ?? stages.find((s) => s.siteId === first.id)!).id;

      const count = (status: string) => enrolments.filter((e) => e.status === status).length;
      const summary: ScaleSummary = {
        seconds: 0,
        schoolYear,
        today,
        counts: {
          colleges: colleges.length,
          classes: classRooms.length,
          pupils: pupils.length,
          guardians: guardians.length,
          users: users.length,
          platforms: platforms.length,
          formations: formations.length,
          teachers: teachers.length,
          stages: stages.length,
          stagesCancelled: stages.filter((s) => s.status === 'CANCELLED').length,
          enrolments: enrolments.length,
          confirmed: count('CONFIRMED'),
          waiting: count('WAITING'),
          cancelled: count('CANCELLED'),
        },
        bench: {
          password: DEMO_PASSWORD,
          platform: { slug: first.slug, name: first.name, admin: first.admin },
          college: { uai: college.uai, name: college.name, principal: principals.get(collegeId)!.login },
          classId: room.id,
          className: room.name,
          mainTeacher: room.ppLogin,
          stageId,
        },
        logins: [
          { who: `Administrateur (DDFPT), ${first.name}`, login: first.admin, host: first.slug },
          { who: `Administrateur (DDFPT), ${platforms[1].name}`, login: platforms[1].admin, host: platforms[1].slug },
          { who: `Chef d'établissement, ${college.name} (${college.uai})`, login: principals.get(collegeId)!.login, host: '' },
          { who: `Professeur(e) principal(e) de ${room.name}, ${college.name}`, login: room.ppLogin, host: '' },
          { who: 'Opérateur de la plateforme', login: operator, host: '' },
        ],
      };
      summary.seconds = Math.round((performance.now() - t0) / 100) / 10;
      return summary;
    },
    { maxWait: 60_000, timeout: 15 * 60_000 },
  );
}

// ───────────────────────────── the command ─────────────────────────────

const PRODUCTION_REFUSED =
  'seed:scale refusé : APP_ENV=production indique une base de production, et ces données de mesure ont des milliers de comptes au mot de passe public (celui de la démonstration). ' +
  'Lancez-le sur une base de développement ou de mesure.';

function usage(target: ReturnType<typeof databaseTarget>, found: string[]): string {
  const where = target.kind === 'pglite' ? `la base embarquée ${target.dir ?? '(en mémoire)'}` : 'la base PostgreSQL de DATABASE_URL';
  return (
    `seed:scale ne remplit qu’une base neuve, et ${where} contient déjà des données : ${found.join(', ')}. Rien n’a été modifié.\n` +
    'Choisissez une autre base, par exemple :\n' +
    '  DATABASE_URL=pglite:.data/pglite-scale npm run seed:scale\n' +
    'ou, pour effacer TOUTES les données de celle-ci puis la remplir : npm run seed:scale -- --reset'
  );
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset' && a !== '--json');
  if (unknown.length) throw new Error(`Option inconnue : ${unknown.join(' ')}. Options : --reset (vider la base d’abord), --json (résumé JSON en dernière ligne).`);
  if (env.isProduction) throw new Error(PRODUCTION_REFUSED); // before migrating anything
  const target = databaseTarget();
  await deployMigrations(target); // before opening the client: PGlite allows one instance per directory
  const { prisma, pglite } = createPrisma(target);
  try {
    const found = await contents(prisma);
    if (found.length && !args.includes('--reset')) {
      console.error(usage(target, found));
      return 1;
    }
    const progress = stderrProgress();
    if (found.length) {
      progress(`--reset : effacement de ${found.join(', ')}…`);
      await emptyDatabase(prisma);
    }
    const summary = await seedScale(prisma, { progress });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const c = summary.counts;
    const n = (x: number) => x.toLocaleString('fr-FR');
    console.log(
      `Données à l’échelle d’une académie créées en ${summary.seconds.toLocaleString('fr-FR')} s (année scolaire ${summary.schoolYear}-${summary.schoolYear + 1}, aujourd’hui ${summary.today}) :\n` +
        `  ${n(c.colleges)} collèges, ${n(c.classes)} classes, ${n(c.pupils)} élèves de 3e, ${n(c.guardians)} responsables légaux, ${n(c.users)} comptes\n` +
        `  ${n(c.platforms)} plateformes, ${n(c.formations)} formations, ${n(c.teachers)} enseignants, ${n(c.stages)} stages (${n(c.stagesCancelled)} annulés)\n` +
        `  ${n(c.enrolments)} inscriptions : ${n(c.confirmed)} inscrits, ${n(c.waiting)} en liste d’attente, ${n(c.cancelled)} annulées`,
    );
    const port = Number(process.env.PORT ?? 3000);
    const root = process.env.ROOT_DOMAIN ?? 'localhost';
    console.log(`\nQuelques comptes (mot de passe pour tous : ${DEMO_PASSWORD}) :`);
    for (const l of summary.logins) console.log(`  ${l.login.padEnd(44)} ${l.who} — http://${l.host ? `${l.host}.` : ''}${root}:${port}/`);
    if (args.includes('--json')) console.log(JSON.stringify(summary));
    return 0;
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
