// PostgreSQL stopped during a burst of « Inscrire », then started again (PostgreSQL only: it needs a
// server to stop — `npm run test:postgres -- fault-postgres`; skipped on PGlite). The file starts its
// own throwaway PostgreSQL (scripts/throwaway-postgres.ts), so stopping it disturbs no other file, and
// the app's own client (lib/core/db.ts createPrisma, its pg pool as configured there). While the
// server is down every action answers the French « momentanément indisponible » (never UNEXPECTED,
// never a throw), the convention PDF route a 503 in French; once it is back on the same port and data
// directory, the same Prisma client works again at the first request; and no enrolment is half-written:
// each stage's enrolledCount is its confirmed rows, each row has its one audit line and each audit line
// its row, and every pupil told « inscrit » has the row.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@/scripts/throwaway-postgres';
import { createPrisma, setPrisma } from '@/lib/core/db';
import { DATABASE_UNAVAILABLE } from '@/lib/core/errors';
import { setNow } from '@/lib/core/clock';
import type { ActionResult } from '@/lib/core/action';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { enrolAction } from '@/lib/enrolments/actions';
import type { EnrolResult } from '@/lib/enrolments/service';
import { GET as conventionPdf } from '@/app/api/conventions/[enrolmentId]/route';
import { actAs } from '../helpers/session-mock';
import { daysFromNow, makeCollege, makeSite, makeStage, NOW, type TestCollege, type TestSite } from '../factories/sites';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const suite = onPostgres ? describe : describe.skip;

const CAPACITY = 12;
const WORKERS = 8;
const COLLEGES = 4;
/** Calls each worker makes once the server is down. */
const AFTER_DOWN = 2;
/** Results before the server is stopped. */
const BEFORE_STOP = 12;

let server: ThrowawayPostgres;
/** Whether the test stopped the server (started again after each test, whatever happened). */
let halted = false;
let prisma: PrismaClient;
let demo: TestSite;
const colleges: TestCollege[] = [];
/** Pupils not used yet, per collège. */
const unused: string[][] = [];

type Call = { pupilId: string; stageId: string; whileDown: boolean; result: ActionResult<{ results: EnrolResult[] }> | { threw: unknown } };

/** One « Inscrire » as the collège's principal on the platform's host. */
function enrolOne(c: number, stageId: string): Promise<{ pupilId: string; result: Call['result'] }> {
  const pupilId = unused[c].shift();
  if (!pupilId) throw new Error('No pupil left: give the factory collèges more pupils.');
  // The session mock reads who acts when the action starts (synchronously): no other call slips in between.
  actAs(colleges[c].principal.id, demo.host);
  return enrolAction({ stageId, pupilIds: [pupilId] }).then(
    (result) => ({ pupilId, result }),
    (threw: unknown) => ({ pupilId, result: { threw } }),
  );
}

/** Enrolments from WORKERS callers at once; the server is stopped (`mode`) after BEFORE_STOP results, each caller then makes AFTER_DOWN more. */
async function trafficThroughStop(stageId: string, mode: 'immediate' | 'fast'): Promise<Call[]> {
  const calls: Call[] = [];
  let down = false;
  const worker = async (w: number) => {
    let afterDown = 0;
    while (afterDown < AFTER_DOWN) {
      const whileDown = down;
      const { pupilId, result } = await enrolOne(w % COLLEGES, stageId);
      calls.push({ pupilId, stageId, whileDown, result });
      if (whileDown) afterDown++;
      if (!down && calls.length >= BEFORE_STOP) {
        // Other callers' requests are in flight now: they meet the stop mid-way.
        server.halt(mode);
        halted = down = true;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return calls;
}

const unavailable = { ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE } };

/** Every call ended cleanly: done (each pupil inscrit or refused with a French reason), or « momentanément indisponible ». */
function expectCleanFailures(calls: Call[]) {
  for (const call of calls) {
    expect(call.result).not.toHaveProperty('threw');
    const r = call.result as ActionResult<{ results: EnrolResult[] }>;
    if (call.whileDown || !r.ok) {
      expect(r).toEqual(unavailable);
      continue;
    }
    for (const line of r.data.results) {
      if (line.outcome === 'CONFIRMED') continue;
      expect(line.outcome).toBe('REFUSED');
      expect([
        `${line.pupil} : Ce stage est complet : inscrivez l’élève en liste d’attente, ou choisissez un autre stage.`,
        `${line.pupil} : ${DATABASE_UNAVAILABLE}`,
      ]).toContain(line.message);
    }
  }
  expect(calls.filter((c) => c.whileDown)).toHaveLength(WORKERS * AFTER_DOWN);
}

/** Nothing half-written: seats, rows and audit lines agree; every pupil told « inscrit » has the row. */
async function expectConsistent(stageId: string, calls: Call[]) {
  const stage = await prisma.stage.findUniqueOrThrow({ where: { id: stageId }, select: { enrolledCount: true, capacity: true } });
  const rows = await prisma.enrolment.findMany({ where: { stageId }, select: { id: true, pupilId: true, status: true } });
  expect(rows.every((r) => r.status === 'CONFIRMED')).toBe(true);
  expect(stage.enrolledCount).toBe(rows.length);
  expect(stage.enrolledCount).toBeLessThanOrEqual(stage.capacity);
  const audit = await prisma.auditEntry.findMany({
    where: { action: 'enrolment.create', targetType: 'Enrolment', data: { path: ['stageId'], equals: stageId } },
    select: { targetId: true },
  });
  expect(audit.map((a) => a.targetId).sort()).toEqual(rows.map((r) => r.id).sort());
  const told = calls.flatMap((c) => ('ok' in c.result && c.result.ok && c.result.data.results[0]?.outcome === 'CONFIRMED' ? [c.pupilId] : []));
  expect(told.length).toBeGreaterThan(0);
  const enrolled = new Set(rows.map((r) => r.pupilId));
  expect(told.filter((p) => !enrolled.has(p))).toEqual([]);
  // One row per pupil at most (a retry after a lost answer is refused, not doubled).
  expect(enrolled.size).toBe(rows.length);
}

/** The convention PDF route while the database is down / back: a status and a French text, never a stack. */
const pdfRequest = (enrolmentId: string) =>
  conventionPdf(new Request(`http://${demo.host}/api/conventions/${enrolmentId}`), { params: Promise.resolve({ enrolmentId }) });

suite('PostgreSQL stopped during traffic, then started again', () => {
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    const url = `${server.server}/postgres`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const dir = join(process.cwd(), 'prisma/migrations');
    for (const m of readdirSync(dir)
      .filter((d) => !d.endsWith('.toml'))
      .sort())
      await admin.query(readFileSync(join(dir, m, 'migration.sql'), 'utf8'));
    await admin.end();
    // The application's own client, with its pool settings: never recreated below.
    prisma = createPrisma({ kind: 'postgres', url }).prisma;
    setPrisma(prisma);
    setNow(NOW, { frozen: true });
    demo = await makeSite(prisma, { slug: 'demo', uai: '0350032V' });
    for (let i = 0; i < COLLEGES; i++) {
      colleges.push(await makeCollege(prisma, { uai: `035007${i}D`, name: `Collège Numéro${i}`, pupils: 30, guardianEmails: false }));
      unused.push(colleges[i].pupils.map((p) => p.id));
    }
    // Warnings of the pool and of runAction (expected here) stay out of the test's output.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  }, 120_000);

  afterEach(() => {
    if (halted) server.resume();
    halted = false;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    setNow(null);
    setPrisma(undefined);
    await prisma?.$disconnect();
    server?.stop();
  });

  for (const mode of ['immediate', 'fast'] as const) {
    it(`pg_ctl stop -m ${mode} mid-burst: clean French failures, recovery with the same client, nothing half-written`, async () => {
      const stage = await makeStage(prisma, demo, { date: daysFromNow(mode === 'immediate' ? 9 : 10), capacity: CAPACITY });
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const calls = await trafficThroughStop(stage.id, mode);
      expectCleanFailures(calls);

      // Still down: the PDF route says so with a 503, in French.
      const down = await pdfRequest('inconnue');
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await down.text()).toBe(DATABASE_UNAVAILABLE);
      // Nothing was taken for an unexpected error.
      expect(errors).not.toHaveBeenCalled();
      errors.mockRestore();

      // Back on the same port and data directory: the first request works, with the same client.
      // (First the requests still in flight from the outage end, as they would before anyone restarts
      // the server: pg_ctl below blocks this process, and a lookup shared with them would fail with them.)
      await new Promise((resolve) => setTimeout(resolve, 200));
      server.resume();
      halted = false;
      const { pupilId, result } = await enrolOne(0, stage.id);
      calls.push({ pupilId, stageId: stage.id, whileDown: false, result });
      expect(result).toMatchObject({ ok: true, data: { results: [{ outcome: expect.stringMatching(/CONFIRMED|REFUSED/) }] } });
      const back = await pdfRequest('inconnue');
      expect(back.status).toBe(404);
      expect(await back.text()).toBe('Convention introuvable, ou réservée au lycée d’accueil, au collège de l’élève et à l’élève.');

      await expectConsistent(stage.id, calls);
    });
  }
});

if (!onPostgres) {
  describe('PostgreSQL stopped during traffic', () => {
    it.skip('runs on PostgreSQL only: npm run test:postgres -- fault-postgres', () => undefined);
  });
}
