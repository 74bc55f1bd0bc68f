// School-year rollover (« clôture de l'année scolaire »): the classes of that year are removed, its
// pupils anonymised (lib/classes/pupil-data.ts `anonymisePupils`, the same as an erasure on request:
// names, birth date, guardians, account, what their conventions and the outbox hold → removed;
// establishment, level, year and enrolments kept for statistics), staff stay. One transaction per
// establishment, so progress shows and a stopped run resumes. Run by the platform operator
// (/operateur/rentree) or by the server itself on the documented day, 1 July of the year's last
// calendar year (`runDueRollovers`, started by instrumentation.ts), catching up on missed years.
import { errorSummary, prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { AppError, conflict, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { canCloseYear, closableFrom } from '../reference/school-year.ts';
import { formatDate, formatDay, parisDay, schoolYearLabel, schoolYearOf } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { anonymisePupils } from './pupil-data.ts';

export type EstablishmentCounts = {
  establishmentId: string | null; // null: pupils no collège claims any more (detached)
  name: string;
  uai: string | null;
  classes: number;
  pupils: number;
  guardians: number;
  accounts: number;
  enrolmentsKept: number;
};

export type RolloverSummary = { schoolYear: number; total: number; done: number; establishments: EstablishmentCounts[] };

const pupilsOfYear = (year: number, establishmentId: string | null) => ({
  anonymisedAt: null,
  establishmentId,
  OR: [{ schoolYear: year }, { classRoom: { schoolYear: year } }],
});

/** Establishments (and the detached group, null) that still hold data of that year. */
async function pendingEstablishments(db: Tx, year: number): Promise<(string | null)[]> {
  const [classes, pupils] = await Promise.all([
    db.classRoom.findMany({ where: { schoolYear: year }, select: { establishmentId: true }, distinct: ['establishmentId'] }),
    db.pupil.findMany({
      where: { anonymisedAt: null, OR: [{ schoolYear: year }, { classRoom: { schoolYear: year } }] },
      select: { establishmentId: true },
      distinct: ['establishmentId'],
    }),
  ]);
  const ids = new Set<string | null>([...classes.map((c) => c.establishmentId), ...pupils.map((p) => p.establishmentId)]);
  return [...ids].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
}

async function countsFor(db: Tx, year: number, establishmentId: string | null): Promise<EstablishmentCounts> {
  const where = pupilsOfYear(year, establishmentId);
  const [establishment, classes, pupils, guardians, accounts, enrolmentsKept] = await Promise.all([
    establishmentId ? db.establishment.findUnique({ where: { id: establishmentId }, select: { name: true, uai: true } }) : null,
    establishmentId ? db.classRoom.count({ where: { schoolYear: year, establishmentId } }) : 0,
    db.pupil.count({ where }),
    db.guardian.count({ where: { pupil: where } }),
    db.pupil.count({ where: { ...where, userId: { not: null } } }),
    db.enrolment.count({ where: { pupil: where } }),
  ]);
  return {
    establishmentId,
    name: establishment?.name ?? 'Élèves rattachés à aucun collège',
    uai: establishment?.uai ?? null,
    classes,
    pupils,
    guardians,
    accounts,
    enrolmentsKept,
  };
}

/** What a rollover of that year would change, per establishment (nothing is written). */
export async function previewRollover(year: number): Promise<EstablishmentCounts[]> {
  const ids = await pendingEstablishments(prisma, year);
  const out: EstablishmentCounts[] = [];
  for (const id of ids) out.push(await countsFor(prisma, year, id));
  return out;
}

/** Anonymises one establishment's pupils of that year and deletes its classes of that year. */
async function closeEstablishment(tx: Tx, year: number, establishmentId: string | null, now: Date): Promise<EstablishmentCounts> {
  const counts = await countsFor(tx, year, establishmentId);
  const pupils = await tx.pupil.findMany({ where: pupilsOfYear(year, establishmentId), select: { id: true } });
  await anonymisePupils(
    tx,
    pupils.map((p) => p.id),
    now,
  );
  if (establishmentId) await tx.classRoom.deleteMany({ where: { schoolYear: year, establishmentId } });
  return counts;
}

/**
 * Every start of a rollover takes this transaction-scoped advisory lock first: two server instances
 * on one PostgreSQL (or the operator and the scheduled job at once) never create two runs of a year;
 * the second one waits, then finds the first one's run and resumes it. The steps lock the run's row.
 */
const ROLLOVER_LOCK = 0x524f4c4c; // « ROLL »

export async function startRollover(input: { year: number; actorId: string | null; dryRun: boolean; now?: Date }) {
  const now = input.now ?? clock.now();
  if (!canCloseYear(input.year, now))
    throw conflict(`L'année scolaire ${schoolYearLabel(input.year)} est encore en cours : sa clôture est possible à partir du ${formatDay(closableFrom(input.year))}.`);
  if (input.dryRun) {
    // A simulation writes only its own finished row: no lock, nothing to resume.
    const establishments = await previewRollover(input.year);
    const summary: RolloverSummary = { schoolYear: input.year, total: establishments.length, done: establishments.length, establishments };
    return prisma.rollover.create({
      data: { schoolYear: input.year, dryRun: true, startedById: input.actorId, summary: summary as never, finishedAt: now, startedAt: now },
    });
  }
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(${ROLLOVER_LOCK}::bigint)) AS l`;
    const previous = await tx.rollover.findFirst({ where: { schoolYear: input.year, dryRun: false, establishmentId: null }, orderBy: { startedAt: 'desc' } });
    if (previous?.finishedAt) throw conflict(`L'année scolaire ${schoolYearLabel(input.year)} a déjà été clôturée le ${formatDate(parisDay(previous.finishedAt))}.`);
    if (previous) return previous; // an interrupted run resumes
    const summary: RolloverSummary = { schoolYear: input.year, total: (await pendingEstablishments(tx, input.year)).length, done: 0, establishments: [] };
    return tx.rollover.create({ data: { schoolYear: input.year, dryRun: false, startedById: input.actorId, summary: summary as never, startedAt: now } });
  });
}

export type RolloverProgress = { id: string; done: number; total: number; finished: boolean; summary: RolloverSummary };

/** Processes the next establishment of a running rollover (one transaction); call until finished. */
export async function rolloverStep(rolloverId: string, now: Date = clock.now()): Promise<RolloverProgress> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Rollover" WHERE "id" = ${rolloverId} FOR UPDATE`;
    const row = await tx.rollover.findUnique({ where: { id: rolloverId } });
    if (!row) throw notFound('Clôture');
    const summary = row.summary as unknown as RolloverSummary;
    if (row.finishedAt || row.dryRun) return { id: row.id, done: summary.done, total: summary.total, finished: true, summary };
    const [next] = await pendingEstablishments(tx, row.schoolYear);
    if (next === undefined) {
      await tx.rollover.update({ where: { id: row.id }, data: { finishedAt: now } });
      await recordAudit(tx, {
        actorId: row.startedById,
        action: 'rollover.run',
        targetType: 'Rollover',
        targetId: row.id,
        data: { schoolYear: row.schoolYear, establishments: summary.done },
      });
      return { id: row.id, done: summary.done, total: summary.total, finished: true, summary };
    }
    const counts = await closeEstablishment(tx, row.schoolYear, next, now);
    const updated: RolloverSummary = {
      ...summary,
      done: summary.done + 1,
      total: Math.max(summary.total, summary.done + 1),
      establishments: [...summary.establishments, counts],
    };
    await tx.rollover.update({ where: { id: row.id }, data: { summary: updated as never } });
    return { id: row.id, done: updated.done, total: updated.total, finished: false, summary: updated };
  });
}

/** The whole rollover at once (a scheduled job, or tests): steps until finished. */
export async function runRollover(input: { year: number; actorId: string | null; now?: Date; onProgress?: (p: RolloverProgress) => void }) {
  const row = await startRollover({ ...input, dryRun: false });
  for (;;) {
    const progress = await rolloverStep(row.id, input.now);
    input.onProgress?.(progress);
    if (progress.finished) return progress;
  }
}

// ───────────────────────────── the scheduled rollover ─────────────────────────────

/** The last school year that may be closed at that instant: in July and August the running one, else the one before. */
export function lastClosableYear(now: Date = clock.now()): number {
  const running = schoolYearOf(now);
  return canCloseYear(running, now) ? running : running - 1;
}

/**
 * The years the server closes by itself at that instant, oldest first: every closable year that still
 * holds classes or pupils, and — in July and August — the year just ending even when it holds none, so
 * that classes created over the summer belong to the next year (activeSchoolYear) rather than to a
 * year about to be closed. A year already closed (by the operator or an earlier run) is left alone.
 */
export async function dueRolloverYears(now: Date = clock.now()): Promise<number[]> {
  const last = lastClosableYear(now);
  const [classYears, pupilYears, closed] = await Promise.all([
    prisma.classRoom.findMany({ where: { schoolYear: { lte: last } }, select: { schoolYear: true }, distinct: ['schoolYear'] }),
    prisma.pupil.findMany({ where: { anonymisedAt: null, schoolYear: { lte: last } }, select: { schoolYear: true }, distinct: ['schoolYear'] }),
    prisma.rollover.findMany({ where: { dryRun: false, establishmentId: null, finishedAt: { not: null } }, select: { schoolYear: true } }),
  ]);
  const years = new Set([...classYears, ...pupilYears].map((r) => r.schoolYear));
  if (schoolYearOf(now) === last) years.add(last);
  const done = new Set(closed.map((r) => r.schoolYear));
  return [...years].filter((y) => !done.has(y) && canCloseYear(y, now)).sort((a, b) => a - b);
}

/**
 * The yearly rollover, run by the server (no operator: `startedById` null): each due year once, in
 * order. Idempotent — a closed year is never run again, an interrupted one resumes — and safe with
 * several server instances (the advisory lock of startRollover, the row lock of each step).
 */
export async function runDueRollovers(now: Date = clock.now()): Promise<RolloverProgress[]> {
  const out: RolloverProgress[] = [];
  for (const year of await dueRolloverYears(now)) {
    try {
      out.push(await runRollover({ year, actorId: null, now }));
    } catch (err) {
      // Another instance finished this year between our reading and our start: nothing left to do.
      if (err instanceof AppError && err.code === 'CONFLICT') continue;
      throw err;
    }
  }
  return out;
}

let scheduled = false;
let running = false;

/**
 * Started by instrumentation.ts in the server process: checks a minute after the start (a server that
 * was off on 1 July catches up then), then every hour. One check at a time in the process. Returns
 * what stops it (tests).
 */
export function startRolloverSchedule(options: { firstMs?: number; everyMs?: number } = {}): () => void {
  if (scheduled) return () => undefined;
  scheduled = true;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      for (const run of await runDueRollovers())
        console.info(`[rollover] année scolaire ${schoolYearLabel(run.summary.schoolYear)} clôturée : ${run.done} établissement(s) traité(s).`);
    } catch (err) {
      console.error(`[rollover] la clôture automatique a échoué (${errorSummary(err)}) : nouvel essai dans une heure.`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(check, options.firstMs ?? 60_000).unref();
  const every = setInterval(check, options.everyMs ?? 60 * 60_000).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
    scheduled = false;
  };
}
