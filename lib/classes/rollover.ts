// School-year rollover (« clôture de l'année scolaire »), run by the platform operator before the
// rentrée: the classes of that year are removed, its pupils anonymised (names, birth date,
// guardians, account → removed; establishment, level, year and enrolments kept for statistics),
// staff stay. One transaction per establishment, so progress shows and a stopped run resumes.
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { conflict, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { canCloseYear, closableFrom } from '../reference/school-year.ts';
import { formatDate, formatDay, parisDay, schoolYearLabel } from '../core/format.ts';
import * as clock from '../core/clock.ts';

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
  const where = pupilsOfYear(year, establishmentId);
  const pupils = await tx.pupil.findMany({ where, select: { id: true, userId: true } });
  const pupilIds = pupils.map((p) => p.id);
  const userIds = pupils.map((p) => p.userId).filter((u): u is string => !!u);
  await tx.guardian.deleteMany({ where: { pupilId: { in: pupilIds } } });
  await tx.pupil.updateMany({
    where: { id: { in: pupilIds } },
    data: { firstName: null, lastName: null, birthDate: null, classLabel: null, classRoomId: null, userId: null, anonymisedAt: now },
  });
  // The pupils' accounts go (login, email, password); never a staff or operator account.
  await tx.user.deleteMany({ where: { id: { in: userIds }, isOperator: false, memberships: { none: {} }, siteMemberships: { none: {} } } });
  if (establishmentId) await tx.classRoom.deleteMany({ where: { schoolYear: year, establishmentId } });
  return counts;
}

export async function startRollover(input: { year: number; actorId: string; dryRun: boolean; now?: Date }) {
  const now = input.now ?? clock.now();
  if (!canCloseYear(input.year, now))
    throw conflict(`L'année scolaire ${schoolYearLabel(input.year)} est encore en cours : sa clôture est possible à partir du ${formatDay(closableFrom(input.year))}.`);
  const previous = await prisma.rollover.findFirst({ where: { schoolYear: input.year, dryRun: false, establishmentId: null }, orderBy: { startedAt: 'desc' } });
  if (!input.dryRun && previous?.finishedAt)
    throw conflict(`L'année scolaire ${schoolYearLabel(input.year)} a déjà été clôturée le ${formatDate(parisDay(previous.finishedAt))}.`);
  if (!input.dryRun && previous) return previous; // an interrupted run resumes
  const establishments = input.dryRun ? await previewRollover(input.year) : [];
  const total = input.dryRun ? establishments.length : (await pendingEstablishments(prisma, input.year)).length;
  const summary: RolloverSummary = { schoolYear: input.year, total, done: input.dryRun ? total : 0, establishments };
  return prisma.rollover.create({
    data: { schoolYear: input.year, dryRun: input.dryRun, startedById: input.actorId, summary: summary as never, finishedAt: input.dryRun ? now : null, startedAt: now },
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
export async function runRollover(input: { year: number; actorId: string; now?: Date; onProgress?: (p: RolloverProgress) => void }) {
  const row = await startRollover({ ...input, dryRun: false });
  for (;;) {
    const progress = await rolloverStep(row.id, input.now);
    input.onProgress?.(progress);
    if (progress.finished) return progress;
  }
}
