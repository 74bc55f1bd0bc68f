// Benchmark of the enrolment service (lib/enrolments/service.ts, `enrolPupils`) on PGlite and on a
// throwaway PostgreSQL that this script starts and stops itself in /tmp (initdb + pg_ctl, as the
// postgres user when run as root, like scripts/test-postgres.ts).
//   npx tsx scripts/bench-enrolment.ts [pglite|postgres] (both when not given)
//   BENCH_ENROLMENTS=<n> sets the sustained run's size (default 2000 on PostgreSQL, 500 on PGlite).
//   BENCH_CPU_PROFILE=<file> writes a V8 CPU profile (.cpuprofile, Chrome DevTools) of the service run.
//
// Data: one lycée platform (6 formations, 4 teachers, 2 contacts, an admin) and 12 collèges, each
// with an enrolling secretary (verified address) and 4 classes of 3e × 25 pupils, one guardian
// (with an email) per pupil: 1,200 pupils. The app clock is set to Monday 11 January 2027; every
// stage is on a later school day (zone B, no public holiday).
//
// 1. Burst: 200 concurrent clients (200 distinct pupils, each its own enrolPupils call, waitlist
//    false: a pupil without a seat is refused, not put on the waiting list) on the last 10 seats of
//    one stage (capacity 30, 20 enrolments already there). Checked from the database: exactly 10
//    confirmed, CONFIRMED rows = capacity = enrolledCount.
// 2. Sustained run over 200 stages (4 a day on 50 school days, capacity 24), the same jobs
//    (stage, pupil) through two paths at the same concurrency (32 on PostgreSQL, 10 on PGlite):
//    - raw SQL: the conditional UPDATE of "Stage" + INSERT INTO "Enrolment" in one transaction,
//      with the `pg` package on PostgreSQL; on PGlite through the PGlite instance itself
//      (pglite.transaction — PGlite runs one transaction at a time, the "concurrency" only queues);
//    - the service: enrolPupils, every check, the seat, the row marked for its convocation and the
//      audit line, as in production; then the convocations (staff + guardian, rendered, with the .ics)
//      built by lib/enrolments/convocations.ts as the server's loop does, timed apart
//      (`convocations_per_s`).
//    The raw run goes first; its rows are deleted and the counters reset before the service run.
//    On PostgreSQL both paths get a pool of 32 connections (lib/core/db.ts keeps pg's default, 10)
//    and the service's own transaction options (lib/enrolments/service.ts); the server runs with
//    fsync=off like scripts/test-postgres.ts, which flatters the raw path (its cost is mostly commits).
// Prints one JSON line per database; on PostgreSQL, when the ratio is below the 0.25 goal, a profile
// of where the service path spends its time (queries per enrolment, email rendering, variants).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { setPrisma, type Tx } from '../lib/core/db.ts';
import { setNow } from '../lib/core/clock.ts';
import { schoolYearOf } from '../lib/core/format.ts';
import { uaiCheckLetter } from '../lib/reference/uai.ts';
import { isPublicHoliday, schoolHolidayOn } from '../lib/reference/holidays.ts';
import { generateJoinCode } from '../lib/classes/join-code.ts';
import { addDays, dayToDb, weekday, type Day } from '../lib/stages/time.ts';
import { enrolmentMailSelect, sendConvocation } from '../lib/stages/convocation.ts';
import { enrolPupils, type EnrollingMember } from '../lib/enrolments/service.ts';
import { sendDueConvocations } from '../lib/enrolments/convocations.ts';
import { deployMigrations, readMigrations } from '../prisma/migrate.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

const NOW = '2027-01-11T08:00:00+01:00'; // a Monday in term time (zone B)
const TODAY: Day = '2027-01-11';
const ORIGIN = 'https://lycee-guilloux.ministage.fr';
const BURST = { clients: 200, capacity: 30, already: 20 };
const STAGES = 200;
const STAGE_CAPACITY = 24;
const GOAL = 0.25;

type Kind = 'pglite' | 'postgres';
const only = process.argv[2] === 'pglite' || process.argv[2] === 'postgres' ? process.argv[2] : null;

setNow(NOW);

// ── Databases ──

type Db = {
  kind: Kind;
  prisma: PrismaClient;
  concurrency: number;
  enrolments: number;
  /** One raw transaction: the conditional seat update, then the row; false when no seat was left. */
  rawEnrol(job: Job, id: string): Promise<boolean>;
  /** Opens the raw path's connections before it is timed. */
  warm(): Promise<void>;
  /** Plain SQL outside a transaction (VACUUM). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

const log = [{ emit: 'event', level: 'query' }] as const;
let queries = 0;
let queryMs = 0;
let captured: string[] | null = null;

function newPrisma(adapter: PrismaPGlite | PrismaPg, tx?: { maxWait: number; timeout: number }) {
  const prisma = new PrismaClient({ adapter, log: [...log], ...(tx ? { transactionOptions: tx } : {}) });
  prisma.$on('query', (e) => {
    queries++;
    queryMs += e.duration;
    captured?.push(e.query);
  });
  return prisma;
}

const RAW_UPDATE = `UPDATE "Stage" SET "enrolledCount" = "enrolledCount" + 1 WHERE id = $1 AND "enrolledCount" < capacity`;
const RAW_INSERT = `INSERT INTO "Enrolment" (id, "stageId", "pupilId", "establishmentId", "enrolledById", status) VALUES ($1, $2, $3, $4, $5, 'CONFIRMED')`;

async function openPglite(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'ministage-bench-enrolment-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await deployMigrations({ kind: 'pglite', dir });
  const pglite = new PGlite(dir);
  // The same transaction options as lib/core/db.ts gives PGlite (queued time must not hit maxWait).
  const prisma = newPrisma(new PrismaPGlite(pglite), { maxWait: 30_000, timeout: 30_000 });
  return {
    kind: 'pglite',
    prisma,
    concurrency: 10,
    enrolments: Number(process.env.BENCH_ENROLMENTS ?? 500),
    rawEnrol: (job, id) =>
      pglite.transaction(async (tx) => {
        const r = await tx.query(RAW_UPDATE, [job.stageId]);
        if (r.affectedRows !== 1) return false;
        await tx.query(RAW_INSERT, [id, job.stageId, job.pupilId, job.establishmentId, job.byId]);
        return true;
      }),
    warm: async () => void (await pglite.query('SELECT 1')),
    exec: async (sql) => void (await pglite.exec(sql)),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The migrations through prisma/migrate.ts, as `npm run db:migrate` does. When that fails (@prisma/adapter-pg's
 * executeScript splits a migration on every `;`, comments included), the same SQL files are sent whole
 * (pg's simple query protocol runs a multi-statement script) into a fresh database, and the bench says so.
 */
async function migratePostgres(server: string): Promise<string> {
  try {
    await deployMigrations({ kind: 'postgres', url: `${server}/postgres` });
    return `${server}/postgres`;
  } catch (err) {
    console.log(`[postgres] ATTENTION : npm run db:migrate échoue sur PostgreSQL (${String((err as Error).message).split('\n')[1] ?? err}) ;`);
    console.log('[postgres]   le bench applique les mêmes fichiers SQL d’un bloc dans une base neuve « bench ».');
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const c = new pg.Client({ connectionString: `${server}/bench` });
    await c.connect();
    for (const m of await readMigrations()) await c.query(m.sql);
    await c.end();
    return `${server}/bench`;
  }
}

async function openPostgres(): Promise<Db> {
  const server = await startThrowawayPostgres(); // stopped even when the bench dies
  const stop = () => server.stop();
  try {
    const url = await migratePostgres(server.server);
    const concurrency = 32;
    // Both paths get a pool as large as the concurrency (pg's default is 10 connections).
    const prisma = newPrisma(new PrismaPg({ connectionString: url, max: concurrency }));
    const pool = new pg.Pool({ connectionString: url, max: concurrency });
    return {
      kind: 'postgres',
      prisma,
      concurrency,
      enrolments: Number(process.env.BENCH_ENROLMENTS ?? 2000),
      async rawEnrol(job, id) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const r = await c.query(RAW_UPDATE, [job.stageId]);
          if (r.rowCount !== 1) {
            await c.query('ROLLBACK');
            return false;
          }
          await c.query(RAW_INSERT, [id, job.stageId, job.pupilId, job.establishmentId, job.byId]);
          await c.query('COMMIT');
          return true;
        } catch (err) {
          await c.query('ROLLBACK');
          throw err;
        } finally {
          c.release();
        }
      },
      async warm() {
        const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
        for (const c of clients) c.release();
      },
      exec: async (sql) => void (await pool.query(sql)),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
        stop();
      },
    };
  } catch (err) {
    stop();
    throw err;
  }
}

// ── Data ──

type Job = { stageId: string; pupilId: string; establishmentId: string; byId: string; member: EnrollingMember };

function schoolDaysAfter(day: Day, n: number): Day[] {
  const days: Day[] = [];
  for (let d = addDays(day, 1); days.length < n; d = addDays(d, 1)) {
    if (weekday(d) !== 0 && weekday(d) !== 6 && !isPublicHoliday(d) && !schoolHolidayOn(d, 'B')) days.push(d);
  }
  return days;
}

async function seed(prisma: PrismaClient) {
  const year = schoolYearOf();
  await prisma.academy.create({ data: { code: 'rennes', name: 'Rennes', emailDomain: 'ac-rennes.fr', holidayZone: 'B' } });
  const lycee = await prisma.establishment.create({
    data: {
      uai: '0350032V',
      name: 'Lycée professionnel Louis Guilloux',
      kind: 'LYCEE',
      address1: '76 avenue des Buttes de Coësmes',
      postalCode: '35700',
      city: 'Rennes',
      departmentCode: '035',
      academyCode: 'rennes',
      latitude: 48.1256,
      longitude: -1.6561,
      vocational: true,
      lyceeDesMetiers: true,
    },
  });
  const site = await prisma.site.create({
    data: {
      establishmentId: lycee.id,
      name: 'Lycée des métiers Louis Guilloux',
      slug: 'lycee-guilloux',
      convocationNote: 'Le carnet de correspondance, une trousse ; chaussures fermées pour les ateliers.',
    },
  });
  await prisma.contact.createMany({
    data: [
      { siteId: site.id, name: 'Mme Le Gall', role: 'DDFPT', phone: '02 99 00 00 01', email: 'ddfpt.0350032v@ac-rennes.fr', position: 0 },
      { siteId: site.id, name: 'Accueil', role: 'Secrétariat', phone: '02 99 00 00 00', position: 1 },
    ],
  });
  const admin = await prisma.user.create({
    data: {
      login: 'ce.0350032v@ac-rennes.fr',
      email: 'ce.0350032v@ac-rennes.fr',
      emailVerified: new Date(),
      status: 'ACTIVE',
      firstName: 'Anne',
      lastName: 'Proviseure',
    },
  });
  await prisma.siteMembership.create({ data: { siteId: site.id, userId: admin.id, role: 'ADMIN' } });
  const formations = await prisma.formation.createManyAndReturn({
    data: ['Électricité', 'Commerce', 'Accueil', 'Gestion', 'Cuisine', 'Menuiserie'].map((name, i) => ({ siteId: site.id, type: i < 4 ? 'Bac pro' : 'CAP', name })),
  });
  const teachers = await prisma.teacher.createManyAndReturn({
    data: ['Durand', 'Lambert', 'Haddad', 'Guillou'].map((lastName) => ({
      siteId: site.id,
      firstName: 'Pierre',
      lastName,
      email: `${lastName.toLowerCase()}@ac-rennes.fr`,
    })),
  });

  // The burst's stage on the first school day; the 200 others, 4 a day (2 mornings, 2 afternoons), after it.
  const [burstDay, ...days] = schoolDaysAfter(TODAY, 1 + STAGES / 4);
  const stageData = (i: number, date: Day, capacity: number) => ({
    siteId: site.id,
    formationId: formations[i % 6].id,
    teacherId: teachers[i % 4].id,
    date: dayToDb(date),
    startMinutes: i % 4 < 2 ? 540 : 810,
    endMinutes: i % 4 < 2 ? 720 : 990,
    capacity,
    stageType: i % 5 ? 'Mini-stage' : 'Journée découverte',
    scheduleDetail: i % 4 < 2 ? 'Accueil à 8 h 45 à la loge' : 'Accueil à 13 h 15 à la loge',
    place: `Atelier ${1 + (i % 6)}`,
    audience: ['3e'],
    createdById: admin.id,
  });
  const [burstStage] = await prisma.stage.createManyAndReturn({ data: [stageData(0, burstDay, BURST.capacity)] });
  const stages = await prisma.stage.createManyAndReturn({ data: days.flatMap((d, n) => [0, 1, 2, 3].map((k) => stageData(n * 4 + k, d, STAGE_CAPACITY))) });

  // 12 collèges × (1 secretary, 4 classes of 3e × 25 pupils, one guardian each).
  const byCollege: { id: string; establishmentId: string; member: EnrollingMember }[][] = [];
  for (let c = 0; c < 12; c++) {
    const first7 = `035${String(1100 + c * 37).padStart(4, '0')}`;
    const uai = first7 + uaiCheckLetter(first7);
    const est = await prisma.establishment.create({
      data: {
        uai,
        name: `Collège ${['Anne de Bretagne', 'Les Gayeulles', 'Rosa Parks', 'Échange', 'Clotilde Vautier', 'La Binquenais'][c % 6]} ${c + 1}`,
        kind: 'COLLEGE',
        city: 'Rennes',
        postalCode: '35000',
        departmentCode: '035',
        academyCode: 'rennes',
        registeredAt: new Date('2026-09-01T08:00:00Z'),
      },
    });
    const email = `secretariat.${uai.toLowerCase()}@ac-rennes.fr`;
    const user = await prisma.user.create({ data: { login: email, email, emailVerified: new Date(), status: 'ACTIVE', firstName: 'Sophie', lastName: `Martin${c}` } });
    const membership = await prisma.membership.create({
      data: { userId: user.id, establishmentId: est.id, role: 'SECRETARY', status: 'ACTIVE', approvedAt: new Date() },
    });
    const member: EnrollingMember = { actorId: user.id, reach: { establishmentId: est.id, membershipId: membership.id, wholeCollege: true }, addressProven: true }; // as the action passes it from the session
    const classes = await prisma.classRoom.createManyAndReturn({
      data: ['A', 'B', 'C', 'D'].map((l) => ({ establishmentId: est.id, name: `3e ${l}`, level: '3e', schoolYear: year, joinCode: generateJoinCode() })),
    });
    const rows = await prisma.pupil.createManyAndReturn({
      data: classes.flatMap((k, ci) =>
        Array.from({ length: 25 }, (_, i) => ({
          establishmentId: est.id,
          classRoomId: k.id,
          firstName: `Prénom${ci * 25 + i}`,
          lastName: `Élève${c}`,
          birthDate: new Date(`2012-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`),
          level: '3e',
          schoolYear: year,
        })),
      ),
      select: { id: true, lastName: true, firstName: true },
    });
    await prisma.guardian.createMany({
      data: rows.map((p, i) => ({ pupilId: p.id, rank: 1, firstName: 'Parent', lastName: p.lastName!, email: `parent.${c}.${i}@exemple.fr`, phone: '06 00 00 00 00' })),
    });
    byCollege.push(rows.map((p) => ({ id: p.id, establishmentId: est.id, member })));
  }
  // Collèges interleaved, so that consecutive pupils (and jobs) come from different collèges.
  const pupils = byCollege[0].flatMap((_, i) => byCollege.map((list) => list[i]));
  return { site, burstStage, stages, pupils };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** Job j: stage j mod 200 (consecutive jobs hit different stages); a pupil not yet on that day. */
function sustainedJobs(data: Seeded, n: number): Job[] {
  const daysOf = new Map<string, Set<number>>();
  const jobs: Job[] = [];
  for (let j = 0; j < n; j++) {
    const s = j % STAGES;
    const day = Math.floor(s / 4);
    for (let k = (j * 7919) % data.pupils.length; ; k = (k + 1) % data.pupils.length) {
      const p = data.pupils[k];
      const used = daysOf.get(p.id) ?? new Set<number>();
      if (used.has(day)) continue;
      used.add(day);
      daysOf.set(p.id, used);
      jobs.push({ stageId: data.stages[s].id, pupilId: p.id, establishmentId: p.establishmentId, byId: p.member.actorId, member: p.member });
      break;
    }
  }
  return jobs;
}

// ── Runs ──

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t = performance.now();
        await fn(item);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { seconds: (performance.now() - t0) / 1000, latencies };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function count(prisma: PrismaClient, sql: string, ...values: unknown[]): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql, ...values);
  return Number(rows[0].n);
}

/** Every sustained stage: enrolledCount = its CONFIRMED rows ≤ capacity. Returns the CONFIRMED rows. */
async function checkStages(prisma: PrismaClient, stageIds: string[]): Promise<number> {
  const bad = await count(
    prisma,
    `SELECT count(*) AS n FROM "Stage" s WHERE s.id = ANY($1) AND (s."enrolledCount" > s.capacity OR s."enrolledCount" <> (SELECT count(*) FROM "Enrolment" e WHERE e."stageId" = s.id AND e.status = 'CONFIRMED'))`,
    stageIds,
  );
  if (bad) throw new Error(`${bad} stage(s) incohérent(s) : enrolledCount ≠ inscriptions confirmées, ou au-delà de la capacité.`);
  return count(prisma, `SELECT count(*) AS n FROM "Enrolment" WHERE "stageId" = ANY($1) AND status = 'CONFIRMED'`, stageIds);
}

/** Removes the sustained stages' enrolments and seats (between two runs on the same jobs). */
async function resetSustained(db: Db, stageIds: string[]) {
  await db.prisma.$executeRawUnsafe(`DELETE FROM "Enrolment" WHERE "stageId" = ANY($1)`, stageIds);
  await db.prisma.$executeRawUnsafe(`UPDATE "Stage" SET "enrolledCount" = 0 WHERE id = ANY($1)`, stageIds);
  await db.exec('VACUUM ANALYZE');
}

/** BENCH_CPU_PROFILE: a V8 CPU profile of `fn` (the first call only). */
async function cpuProfiled<T>(fn: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file || existsSync(file)) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`Profil CPU du service : ${file}`);
  }
}

async function serviceRun(db: Db, siteId: string, jobs: Job[]) {
  const refused: string[] = [];
  queries = 0;
  queryMs = 0;
  const elu0 = performance.eventLoopUtilization();
  const r = await pool(jobs, db.concurrency, async (job) => {
    const [res] = await enrolPupils({ siteId, stageId: job.stageId, member: job.member, pupilIds: [job.pupilId], waitlist: false });
    if (res.outcome !== 'CONFIRMED') refused.push(res.message);
  });
  const elu = performance.eventLoopUtilization(elu0).utilization;
  if (refused.length) throw new Error(`${refused.length} inscription(s) refusée(s) pendant la série, par exemple : ${refused[0]}`);
  return { ...r, perSecond: jobs.length / r.seconds, queriesPer: queries / jobs.length, queryMsPer: queryMs / jobs.length, elu };
}

async function benchOn(kind: Kind) {
  const tSetup = performance.now();
  const db = kind === 'pglite' ? await openPglite() : await openPostgres();
  try {
    setPrisma(db.prisma);
    const data = await seed(db.prisma);
    await db.exec('VACUUM ANALYZE');
    const stageIds = data.stages.map((s) => s.id);
    const jobs = sustainedJobs(data, db.enrolments);
    console.log(
      `[${kind}] Données : 1 plateforme, ${STAGES + 1} stages, 12 collèges, ${data.pupils.length} élèves (1 responsable chacun) — ${Math.round(performance.now() - tSetup)} ms`,
    );

    // 1. Burst: the last 10 seats of one stage, 200 clients at once.
    const { burstStage } = data;
    const [burstPupils, alreadyPupils] = [data.pupils.slice(0, BURST.clients), data.pupils.slice(BURST.clients, BURST.clients + BURST.already)];
    await db.prisma.enrolment.createMany({
      data: alreadyPupils.map((p) => ({
        stageId: burstStage.id,
        pupilId: p.id,
        establishmentId: p.establishmentId,
        enrolledById: p.member.actorId,
        status: 'CONFIRMED' as const,
      })),
    });
    await db.prisma.stage.update({ where: { id: burstStage.id }, data: { enrolledCount: BURST.already } });
    const outcomes = { CONFIRMED: 0, WAITING: 0, REFUSED: 0, errors: [] as string[] };
    const tb = performance.now();
    await Promise.all(
      burstPupils.map(async (p) => {
        try {
          // waitlist: false — a pupil without a seat is refused (no waiting-list row).
          const [res] = await enrolPupils({ siteId: data.site.id, stageId: burstStage.id, member: p.member, pupilIds: [p.id], waitlist: false });
          outcomes[res.outcome]++;
        } catch (err) {
          outcomes.errors.push(err instanceof Error ? err.message.split('\n')[0] : String(err));
        }
      }),
    );
    const burstMs = performance.now() - tb;
    const stage = await db.prisma.stage.findUniqueOrThrow({ where: { id: burstStage.id }, select: { capacity: true, enrolledCount: true } });
    const confirmedRows = await db.prisma.enrolment.count({ where: { stageId: burstStage.id, status: 'CONFIRMED' } });
    const overbooked = Math.max(0, confirmedRows - stage.capacity, stage.enrolledCount - stage.capacity);
    const seats = BURST.capacity - BURST.already;
    console.log(
      `[${kind}] Rafale : ${BURST.clients} clients sur ${seats} places en ${Math.round(burstMs)} ms — ${outcomes.CONFIRMED} inscrits, ${outcomes.REFUSED} refusés, ${outcomes.WAITING} en attente, ${outcomes.errors.length} erreurs ; en base ${confirmedRows} confirmées, enrolledCount ${stage.enrolledCount}/${stage.capacity}`,
    );
    // An error (not a refusal) reaches the user as « erreur inattendue »: said, but not a seat-count failure.
    if (outcomes.errors.length) console.log(`[${kind}]   ATTENTION : ${outcomes.errors.length} appels en erreur, par exemple : ${outcomes.errors[0]}`);
    const burstOk = outcomes.CONFIRMED === seats && confirmedRows === stage.capacity && stage.enrolledCount === stage.capacity;

    // 2a. Raw SQL, same jobs, same concurrency.
    await db.warm();
    const raw = await pool(jobs, db.concurrency, async (job) => {
      if (!(await db.rawEnrol(job, `raw-${randomUUID()}`))) throw new Error('SQL brut : plus de place (impossible ici).');
    });
    const rawPerSecond = jobs.length / raw.seconds;
    if ((await checkStages(db.prisma, stageIds)) !== jobs.length) throw new Error('SQL brut : nombre d’inscriptions inattendu.');
    console.log(
      `[${kind}] SQL brut : ${jobs.length} transactions en ${raw.seconds.toFixed(2)} s, concurrence ${db.concurrency}, p50 ${pct(raw.latencies, 0.5).toFixed(1)} ms`,
    );
    await resetSustained(db, stageIds);

    // 2b. The service, same jobs, same concurrency.
    while ((await sendDueConvocations(200)) > 0); // the burst's convocations, out of the count
    const outbox0 = await db.prisma.outboxEmail.count();
    const svc = await cpuProfiled(() => serviceRun(db, data.site.id, jobs));
    const confirmed = await checkStages(db.prisma, stageIds);
    // 2c. The convocations, built after the enrolments by the server's loop (lib/enrolments/convocations.ts),
    // as the running server does: rendering, .ics, outbox rows — timed on their own.
    const tConv = performance.now();
    while ((await sendDueConvocations(200)) > 0);
    const convSeconds = (performance.now() - tConv) / 1000;
    const emails = (await db.prisma.outboxEmail.count()) - outbox0;
    if (confirmed !== jobs.length || emails !== 2 * jobs.length) throw new Error(`Service : ${confirmed} inscriptions et ${emails} emails pour ${jobs.length} demandes.`);
    console.log(
      `[${kind}] Service : ${jobs.length} inscriptions en ${svc.seconds.toFixed(2)} s, ${svc.queriesPer.toFixed(1)} requêtes SQL par inscription ; puis ${emails} convocations (élève + responsable) en ${convSeconds.toFixed(2)} s par la boucle d’envoi`,
    );

    const ratio = svc.perSecond / rawPerSecond;
    console.log(
      JSON.stringify({
        bench: 'enrolment-burst',
        db: kind,
        clients: BURST.clients,
        seats,
        confirmed: outcomes.CONFIRMED,
        overbooked,
        enrolments_per_s: round(svc.perSecond),
        raw_sql_tx_per_s: round(rawPerSecond),
        ratio: round(ratio, 3),
        p50_ms: round(pct(svc.latencies, 0.5)),
        p99_ms: round(pct(svc.latencies, 0.99)),
        convocations_per_s: round(jobs.length / convSeconds),
      }),
    );
    if (kind === 'postgres' && ratio < GOAL) await profile(db, data, jobs, svc);
    return burstOk && overbooked === 0;
  } finally {
    setPrisma(undefined);
    await db.close();
  }
}

// ── Profile (PostgreSQL, ratio below the goal): where an enrolment's time goes ──

/** « SELECT Stage », « INSERT OutboxEmail », « BEGIN » … from a statement's text. */
function statementLabel(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1].toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"(\w+)"/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

async function profile(db: Db, data: Seeded, jobs: Job[], svc: Awaited<ReturnType<typeof serviceRun>>) {
  const say = (s: string) => console.log(`[profil] ${s}`);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  say(
    `service complet : ${round(svc.perSecond)} inscriptions/s, ${svc.queriesPer.toFixed(1)} requêtes par inscription (événement « query » de Prisma), ` +
      `${ms(svc.queryMsPer)} cumulées par inscription dans les durées de requêtes de Prisma (attente de la boucle comprise), boucle d’événements de Node occupée à ${Math.round(svc.elu * 100)} %`,
  );

  // Email rendering alone: sendConvocation (2 react-email renders × html + text, the .ics) with a tx that writes nothing.
  const sample = await db.prisma.enrolment.findFirstOrThrow({ where: { stageId: { in: data.stages.map((s) => s.id) } }, select: enrolmentMailSelect });
  const fakeTx = { outboxEmail: { create: async () => ({ id: 'x' }) } } as unknown as Tx;
  for (let i = 0; i < 20; i++) await sendConvocation(fakeTx, sample, { kind: 'new', origin: ORIGIN, now: new Date() });
  const R = 200;
  const t = performance.now();
  for (let i = 0; i < R; i++) await sendConvocation(fakeTx, sample, { kind: 'new', origin: ORIGIN, now: new Date() });
  const renderMs = (performance.now() - t) / R;
  say(
    `rendu des 2 convocations (sendConvocation sans écriture, en série) : ${ms(renderMs)} CPU par inscription → plafond ${Math.round(1000 / renderMs)} inscriptions/s sur un cœur`,
  );

  // The statements of one enrolment, in order (Prisma's query events).
  const stageIds = data.stages.map((s) => s.id);
  await resetSustained(db, stageIds);
  captured = [];
  const one = jobs[0];
  await enrolPupils({ siteId: data.site.id, stageId: one.stageId, member: one.member, pupilIds: [one.pupilId], waitlist: false });
  const statements = captured.map(statementLabel);
  captured = null;
  const runs: string[] = [];
  for (let i = 0; i < statements.length; i++) {
    let n = 1;
    for (; statements[i + 1] === statements[i]; i++) n++;
    runs.push(n > 1 ? `${statements[i]} ×${n}` : statements[i]);
  }
  say(`les ${statements.length} requêtes d’une inscription : ${runs.join(' · ')}`);

  // The same service path without the emails: the enrolling accounts' addresses unverified (canConvoke false, mailRow still read).
  await resetSustained(db, stageIds);
  await db.prisma.user.updateMany({ where: { login: { startsWith: 'secretariat.' } }, data: { emailVerified: null } });
  const noMail = await serviceRun(db, data.site.id, jobs);
  await checkStages(db.prisma, stageIds);
  await db.prisma.user.updateMany({ where: { login: { startsWith: 'secretariat.' } }, data: { emailVerified: new Date() } });
  say(
    `service sans convocation (adresse non validée) : ${round(noMail.perSecond)} inscriptions/s, ${noMail.queriesPer.toFixed(1)} requêtes par inscription, p50 ${pct(noMail.latencies, 0.5).toFixed(1)} ms, Node occupé à ${Math.round(noMail.elu * 100)} %`,
  );

  // The same two statements as the raw path, but through a Prisma interactive transaction.
  await resetSustained(db, stageIds);
  const minimal = await pool(jobs, db.concurrency, async (job) => {
    await db.prisma.$transaction(async (tx) => {
      const n = await tx.$executeRaw`UPDATE "Stage" SET "enrolledCount" = "enrolledCount" + 1 WHERE id = ${job.stageId} AND "enrolledCount" < capacity`;
      if (n !== 1) throw new Error('plus de place');
      await tx.enrolment.create({
        data: { stageId: job.stageId, pupilId: job.pupilId, establishmentId: job.establishmentId, enrolledById: job.byId },
        select: { id: true },
      });
    });
  });
  await checkStages(db.prisma, stageIds);
  say(
    `les 2 mêmes requêtes par une transaction interactive Prisma : ${round(jobs.length / minimal.seconds)} transactions/s, p50 ${pct(minimal.latencies, 0.5).toFixed(1)} ms`,
  );
}

if (only) {
  // One database per process: the migration tool's WASM engine cannot be loaded twice in one process.
  let ok = false;
  try {
    ok = await benchOn(only);
    if (!ok) console.error(`[${only}] ÉCHEC : la rafale n’a pas donné exactement ${BURST.capacity - BURST.already} inscriptions sans surréservation.`);
  } catch (err) {
    console.error(`[${only}] ÉCHEC :`, err);
  }
  process.exit(ok ? 0 : 1);
} else {
  let failed = 0;
  for (const kind of ['pglite', 'postgres']) {
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], kind], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}
