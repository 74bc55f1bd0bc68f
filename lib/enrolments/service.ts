// Enrolling pupils in a platform's stages, cancelling, the waiting list and attendance.
// The seat is decided inside the enrolment's transaction (in the usual case, its one statement) by one
// conditional UPDATE ("enrolledCount" < capacity, backed by the CHECK constraint); one active enrolment
// per pupil and stage is a partial unique index. Every query is scoped: the stage by the platform (from the host),
// the pupil by the actor's reach in their collège (from the session).
import { randomUUID } from 'node:crypto';
import { prisma, type Tx } from '../core/db.ts';
import { AppError, conflict, DATABASE_UNAVAILABLE, errorSummary, isDatabaseUnavailable, isUniqueViolation, notFound } from '../core/errors.ts';
import { dbDay, displayName, formatDay, formatHours, parisClock, schoolYearOf } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import { recordAudit, requestAuditIp } from '../audit/service.ts';
import { pupilsInReach, pupilsInReachSql, type PupilReach } from '../classes/access.ts';
import { parseDay } from '../classes/pupil-schema.ts';
import { enrolmentMailSelect, sendAbsence, sendEnrolmentCancelled, type EnrolmentMailRow } from '../stages/convocation.ts';
import { dayToDb } from '../stages/time.ts';
import { cancelConventionsOf } from '../stages/service.ts';
import { audienceRefusal, fairShareLeft, overlaps, stageClosedReason } from './rules.ts';
import type { NewPupilInput } from './schema.ts';

type Outcome = 'CONFIRMED' | 'WAITING' | 'REFUSED';
/** One line per pupil; `convocation`: whether a convocation goes out (it is sent just after, lib/enrolments/convocations.ts). */
export type EnrolResult = { pupil: string; outcome: Outcome; message: string; convocation: boolean };

/**
 * Who enrols: a collège member with a reach over its pupils (lib/classes/access.ts), and whether their
 * address is proven (the session's user knows; read from the database when not given).
 */
export type EnrollingMember = { actorId: string; reach: PupilReach; addressProven?: boolean };

/**
 * The enrolment transactions queue on the stage's row (the seat) and on the pool's connections: a
 * burst of enrolments at a stage's opening must wait its turn, not fail after Prisma's default 2 s.
 */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

/** A refusal of one pupil: the transaction rolls back, the other pupils go on. */
class Refusal extends Error {}

type StageForEnrolment = {
  id: string;
  status: 'PUBLISHED' | 'CANCELLED';
  date: string;
  startMinutes: number;
  endMinutes: number;
  capacity: number;
  audience: string[];
  site: { fairShareSeats: number | null; fairShareDays: number | null };
};

/** The seat: +1 only while a seat is left (the row stays locked until the transaction ends). */
async function takeSeat(tx: Tx, stageId: string): Promise<boolean> {
  const n =
    await tx.$executeRaw`UPDATE "Stage" SET "enrolledCount" = "enrolledCount" + 1 WHERE "id" = ${stageId} AND "status" = 'PUBLISHED' AND "enrolledCount" < "capacity"`;
  return n === 1;
}

async function releaseSeat(tx: Tx, stageId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Stage" SET "enrolledCount" = "enrolledCount" - 1 WHERE "id" = ${stageId} AND "enrolledCount" > 0`;
}

const confirmedOf = (tx: Tx, stageId: string, establishmentId: string) => tx.enrolment.count({ where: { stageId, establishmentId, status: 'CONFIRMED' } });

/**
 * Locks the pupil's row (two enrolments of one pupil at once cannot both pass), then reads their
 * enrolments that day: why this one is refused (already in this stage, enrolled and cancelled too
 * often, or another stage at overlapping hours, named), or null. Two statements, not one: a read in
 * the locking statement would use the snapshot taken before the wait, blind to the other's enrolment.
 */
async function pupilClash(tx: Tx, pupilId: string, stage: StageForEnrolment): Promise<string | null> {
  await tx.$queryRaw`SELECT "id" FROM "Pupil" WHERE "id" = ${pupilId} FOR UPDATE`;
  return clashOf(tx, pupilId, stage);
}

/** A pupil's enrolment that bears on a new one (the rows of `enrolment_pupil_day`, the PL/pgSQL function of the 20261203000000_enrolment_fast migration). */
type DayRow = { stageId: string; status: string; startMinutes: number; endMinutes: number; formation: string; site: string };

/** Why the pupil's enrolments that day refuse this one (see pupilClash), the pupil's row being locked. */
async function clashOf(tx: Tx, pupilId: string, stage: StageForEnrolment): Promise<string | null> {
  return clashIn(await tx.$queryRaw<DayRow[]>`SELECT * FROM "enrolment_pupil_day"(${pupilId}, ${stage.id}, ${stage.date}::date)`, stage);
}

/**
 * Why these enrolments of the pupil (their enrolments that day in a maintained stage, active or in this
 * stage) refuse this one, or null. `enrolAtOnce` decides the same in SQL: keep both alike.
 */
function clashIn(rows: readonly DayRow[], stage: StageForEnrolment): string | null {
  // Enrolled then cancelled again and again (each time emails go out): the lycée decides after that.
  if (rows.filter((r) => r.stageId === stage.id && r.status === 'CANCELLED').length >= MAX_REENROLMENTS)
    return `Cet élève a déjà été inscrit puis désinscrit ${MAX_REENROLMENTS} fois de ce stage : contactez le lycée.`;
  const active = rows.filter((r) => r.status !== 'CANCELLED');
  const same = active.find((r) => r.stageId === stage.id);
  if (same) return same.status === 'WAITING' ? 'Cet élève est déjà en liste d’attente pour ce stage.' : 'Cet élève est déjà inscrit à ce stage.';
  const hit = active.find((r) => overlaps({ date: stage.date, startMinutes: r.startMinutes, endMinutes: r.endMinutes }, stage));
  if (!hit) return null;
  return `Cet élève est déjà inscrit au même moment à un autre stage : « ${hit.formation} » (${hit.site}), le ${formatDay(stage.date)} de ${formatHours(hit.startMinutes, hit.endMinutes, 'à')}.`;
}

/** The waiting list holds at most twice the seats (and at least 20): one collège cannot queue without end. */
export const waitingCap = (capacity: number) => Math.max(2 * capacity, 20);

/** How many times one pupil may be enrolled again in the same stage after a cancellation. */
const MAX_REENROLMENTS = 3;

async function mailRow(tx: Tx, enrolmentId: string): Promise<EnrolmentMailRow> {
  return tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: enrolmentMailSelect });
}

/** An id made here rather than by Prisma: 32 random hex characters (letters and digits, like Prisma's cuids). */
const newId = () => randomUUID().replace(/-/g, '');

const confirmedMessage = (name: string, convocation: boolean) =>
  convocation
    ? `${name} est inscrit(e). La convocation est envoyée par email.`
    : `${name} est inscrit(e). Aucune convocation n’a été envoyée : l’adresse email de votre compte n’est pas encore validée.`;

/**
 * The usual case in one statement, atomic on its own (outside any transaction, or inside the caller's):
 * the PL/pgSQL function `enrolment_usual` (migration 20261203000000_enrolment_fast) takes the pupil's
 * lock, reads their enrolments that day with a fresh snapshot (so it sees an enrolment of this pupil
 * committed while it waited), and only when none of them refuses this one (the rules of `clashIn`)
 * takes the seat (the conditional UPDATE) and writes the enrolment and its audit line. Returns the new
 * enrolment's id; or null with why the pupil is refused (from the rows it read, by `clashIn`); or null
 * and null when nothing was written for another reason: no seat free, the stage cancelled meanwhile,
 * the pupil gone (the longer path decides). The same rows as takeSeat + enrolment.create + recordAudit;
 * the ids are made here (`newId`).
 */
async function enrolAtOnce(
  db: Tx,
  e: {
    stage: StageForEnrolment;
    siteId: string;
    pupilId: string;
    establishmentId: string;
    member: EnrollingMember;
    convocationDue: 'new' | null;
    typedIn: boolean;
    now: Date;
  },
): Promise<{ id: string; clash: null } | { id: null; clash: string | null }> {
  const { stage } = e;
  const data = JSON.stringify({ stageId: stage.id, pupilId: e.pupilId, status: 'CONFIRMED', typedIn: e.typedIn });
  const [r] = await db.$queryRaw<{ id: string | null; day: DayRow[] | null }[]>`
    SELECT new_id AS "id", day_rows AS "day" FROM "enrolment_usual"(
      ${newId()}, ${stage.id}, ${stage.date}::date, ${stage.startMinutes}::int, ${stage.endMinutes}::int,
      ${e.pupilId}, ${e.establishmentId}, ${e.member.actorId}, ${e.convocationDue}::text, ${MAX_REENROLMENTS}::int,
      ${newId()}, ${e.now}, 'enrolment.create', ${e.siteId}, 'Enrolment', ${data}::jsonb, ${await requestAuditIp()}::text)`;
  if (r?.id) return { id: r.id, clash: null };
  return { id: null, clash: clashIn(r?.day ?? [], stage) };
}

/** A pupil to enrol: one of the member's pupils (read beforehand, in reach) or one typed in. */
type Candidate = { kind: 'existing'; pupil: { id: string; name: string; level: string | null } } | { kind: 'new'; pupil: NewPupilInput };

type EnrolContext = { siteId: string; stage: StageForEnrolment; member: EnrollingMember; waitlist: boolean; convoke: boolean; now: Date };

/** The typed-in pupil, created in the collège without class (refused when the collège already has them). */
async function createTypedPupil(tx: Tx, establishmentId: string, typed: NewPupilInput, now: Date): Promise<string> {
  // One typed-in pupil at a time per collège: two identical ones sent at once cannot both pass the twin check.
  // An advisory lock, not a row lock: the enrolment's INSERT checks its foreign key on the
  // Establishment row, which a FOR UPDATE would block (a deadlock with another enrolment).
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtext(${`typed-pupil:${establishmentId}`}))`;
  const birth = parseDay(typed.birthDate)!;
  const twin = await tx.pupil.findFirst({
    where: {
      establishmentId,
      anonymisedAt: null,
      birthDate: birth,
      lastName: { equals: typed.lastName, mode: 'insensitive' },
      firstName: { equals: typed.firstName, mode: 'insensitive' },
    },
    select: { id: true },
  });
  if (twin) throw new Refusal('Cet élève existe déjà dans votre collège : choisissez-le dans la liste des élèves (ou demandez au secrétariat).');
  const created = await tx.pupil.create({
    data: {
      establishmentId,
      firstName: typed.firstName,
      lastName: typed.lastName,
      birthDate: birth,
      level: typed.level,
      classLabel: typed.classLabel || null,
      schoolYear: schoolYearOf(now),
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * One pupil, one transaction, kept short (it holds the stage's row from the seat on): the pupil's
 * lock and clashes, the seat, the fair share, the row (marked for its convocation) and the audit line.
 * The usual case (no fair share, one of the member's pupils) is one statement on its own (`enrolAtOnce`);
 * when it writes nothing and refuses nothing, the longer path decides in a transaction.
 */
async function enrolOne(ctx: EnrolContext, candidate: Candidate): Promise<EnrolResult> {
  const { member, now, stage } = ctx;
  const establishmentId = member.reach.establishmentId;
  const name = candidate.kind === 'new' ? `${candidate.pupil.firstName} ${candidate.pupil.lastName}` : candidate.pupil.name;
  const refused = (message: string): EnrolResult => ({ pupil: name, outcome: 'REFUSED', message: `${name} : ${message}`, convocation: false });
  const audience = audienceRefusal(stage.audience, candidate.pupil.level);
  if (audience) return refused(audience);
  const confirmed = (convocation: boolean): EnrolResult => ({ pupil: name, outcome: 'CONFIRMED', message: confirmedMessage(name, convocation), convocation });
  // The usual case (no fair share) in one statement: nothing to read after the stage's row lock.
  const usual = (db: Tx, pupilId: string) =>
    enrolAtOnce(db, { ...ctx, pupilId, establishmentId, convocationDue: ctx.convoke ? 'new' : null, typedIn: candidate.kind === 'new' });
  try {
    // One of the member's pupils: that statement alone, outside any transaction (it is one on its own,
    // and the pupil's lock and the stage's row are held only while it runs).
    if (stage.site.fairShareSeats == null && candidate.kind === 'existing') {
      const r = await usual(prisma, candidate.pupil.id);
      if (r.id) return confirmed(ctx.convoke);
      if (r.clash) return refused(r.clash);
      // Nothing written, nothing refused: the longer path below decides (waiting list, a cancellation in progress, why).
    }
    return await prisma.$transaction(async (tx) => {
      // The typed-in pupil is created first, in the same transaction (a refusal removes them too).
      if (candidate.kind === 'new') {
        const pupilId = await createTypedPupil(tx, establishmentId, candidate.pupil, now);
        if (stage.site.fairShareSeats == null) {
          const r = await usual(tx, pupilId);
          if (r.id) return confirmed(ctx.convoke);
          if (r.clash) throw new Refusal(r.clash);
        }
        return longerPath(tx, pupilId);
      }
      return longerPath(tx, candidate.pupil.id);
    }, TX_OPTIONS);
  } catch (err) {
    if (err instanceof Refusal) return refused(err.message);
    if (isUniqueViolation(err)) return refused('cet élève est déjà inscrit à ce stage.');
    if (err instanceof AppError) return refused(err.message);
    // PostgreSQL stopped or restarting: this pupil's line says so (the statement is atomic: all or nothing).
    if (isDatabaseUnavailable(err)) return refused(DATABASE_UNAVAILABLE);
    // A deadlock, a timeout…: this pupil's line says so; the pupils already enrolled stay enrolled.
    console.error('[enrolments] unexpected error', errorSummary(err));
    return refused('une erreur inattendue a empêché l’inscription. Réessayez dans un instant.');
  }

  /** Everything else, in the transaction: the pupil's lock and clashes, the seat or the waiting list, the fair share. */
  async function longerPath(tx: Tx, pupilId: string): Promise<EnrolResult> {
    const clash = await pupilClash(tx, pupilId, stage);
    if (clash) throw new Refusal(clash);

    // The seat, then the fair share read after the row lock (it sees every enrolment committed before ours).
    let seat = stage.site.fairShareSeats == null ? false : await takeSeat(tx, stage.id);
    if (!seat) {
      // No seat: wait for any cancellation in progress on this stage (it holds the row), then try
      // once more, and keep the row until we commit. Without the lock, a cancellation committing
      // between our failed UPDATE and our commit would not see our waiting row, and its freed seat
      // would stay empty while we wait. The stage may also have been cancelled meanwhile.
      const [now2] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "Stage" WHERE "id" = ${stage.id} FOR UPDATE`;
      if (now2?.status !== 'PUBLISHED') throw new Refusal('Ce stage est annulé : il ne prend plus d’inscription.');
      seat = await takeSeat(tx, stage.id);
    }
    let capped: number | null = null;
    if (seat && stage.site.fairShareSeats != null) {
      const share = { seats: stage.site.fairShareSeats, days: stage.site.fairShareDays };
      if (fairShareLeft(share, stage.date, parisClock(now).day, await confirmedOf(tx, stage.id, establishmentId)) === 0) {
        await releaseSeat(tx, stage.id);
        seat = false;
        capped = stage.site.fairShareSeats;
      }
    }
    if (!seat && !ctx.waitlist) {
      throw new Refusal(
        capped != null
          ? `Votre collège a déjà ses ${capped} places dans ce stage (partage équitable entre collèges) : inscrivez l’élève en liste d’attente.`
          : 'Ce stage est complet : inscrivez l’élève en liste d’attente, ou choisissez un autre stage.',
      );
    }
    if (!seat && (await tx.enrolment.count({ where: { stageId: stage.id, status: 'WAITING' } })) >= waitingCap(stage.capacity)) {
      throw new Refusal('La liste d’attente de ce stage est complète : choisissez un autre stage.');
    }
    const status = seat ? 'CONFIRMED' : 'WAITING';
    const convocation = status === 'CONFIRMED' && ctx.convoke;
    const enrolment = await tx.enrolment.create({
      data: { stageId: stage.id, pupilId, establishmentId, enrolledById: member.actorId, status, convocationDue: convocation ? 'new' : null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: member.actorId,
      action: 'enrolment.create',
      establishmentId,
      siteId: ctx.siteId,
      targetType: 'Enrolment',
      targetId: enrolment.id,
      data: { stageId: stage.id, pupilId, status, typedIn: candidate.kind === 'new' },
    });
    const message =
      status === 'WAITING' ? `${name} est en liste d’attente : le collège recevra la convocation si une place se libère.` : confirmedMessage(name, convocation);
    return { pupil: name, outcome: status, message, convocation };
  }
}

/**
 * « Inscrire un stagiaire »: the stage and the member's chosen pupils (in reach), in one statement, and
 * whether their address is proven are read once; then each pupil (and the typed-in one) in its own transaction,
 * in order. Returns one line per pupil (inscrit, en liste d'attente, or refused and why).
 */
export async function enrolPupils(input: {
  siteId: string;
  stageId: string;
  member: EnrollingMember;
  pupilIds: readonly string[];
  newPupil?: NewPupilInput;
  waitlist: boolean;
  now?: Date;
}): Promise<EnrolResult[]> {
  const now = input.now ?? clock.now();
  const ids = [...new Set(input.pupilIds)];
  type PupilRow = { id: string; firstName: string | null; lastName: string | null; level: string | null; classLevel: string | null };
  const [[row], addressProven] = await Promise.all([
    // The stage of this platform with its fair share (null columns when not found) and the chosen
    // pupils in reach with their class's level, in one statement.
    prisma.$queryRaw<
      (Omit<StageForEnrolment, 'site' | 'date'> & { date: Date; fairShareSeats: number | null; fairShareDays: number | null; pupils: PupilRow[] | null })[]
    >`
      SELECT s."id", s."status"::text AS "status", s."date", s."startMinutes", s."endMinutes", s."capacity", s."audience", site."fairShareSeats", site."fairShareDays",
        (SELECT json_agg(json_build_object('id', p."id", 'firstName', p."firstName", 'lastName', p."lastName", 'level', p."level", 'classLevel', c."level"))
          FROM "Pupil" p LEFT JOIN "ClassRoom" c ON c."id" = p."classRoomId"
          WHERE p."id" = ANY(${ids}::text[]) AND ${pupilsInReachSql(input.member.reach)}) AS "pupils"
      FROM (SELECT 1) AS one
      LEFT JOIN ("Stage" s JOIN "Site" site ON site."id" = s."siteId") ON s."id" = ${input.stageId} AND s."siteId" = ${input.siteId}`,
    input.member.addressProven ??
      prisma.user
        .findUnique({ where: { id: input.member.actorId }, select: { emailVerified: true, email: true, status: true } })
        .then((u) => !!(u?.email && u.emailVerified && u.status === 'ACTIVE')),
  ]);
  const found = row.pupils ?? [];
  const stageRow = row.id == null ? null : row;
  const byId = new Map(found.map((p) => [p.id, p]));
  const candidates: (Candidate | { kind: 'unknown' })[] = ids.map((id) => {
    const p = byId.get(id);
    return p ? { kind: 'existing', pupil: { id: p.id, name: displayName(p, { fallback: 'Élève' }), level: p.classLevel ?? p.level } } : { kind: 'unknown' };
  });
  if (input.newPupil) candidates.push({ kind: 'new', pupil: input.newPupil });
  const nameOf = (c: Candidate | { kind: 'unknown' }) => (c.kind === 'unknown' ? 'Élève' : c.kind === 'new' ? `${c.pupil.firstName} ${c.pupil.lastName}` : c.pupil.name);
  const refuse = (c: Candidate | { kind: 'unknown' }, message: string): EnrolResult => ({
    pupil: nameOf(c),
    outcome: 'REFUSED',
    message: `${nameOf(c)} : ${message}`,
    convocation: false,
  });

  const stage: StageForEnrolment | null = stageRow && {
    id: stageRow.id,
    status: stageRow.status,
    date: dbDay(stageRow.date),
    startMinutes: stageRow.startMinutes,
    endMinutes: stageRow.endMinutes,
    capacity: stageRow.capacity,
    audience: stageRow.audience,
    site: { fairShareSeats: stageRow.fairShareSeats, fairShareDays: stageRow.fairShareDays },
  };
  const closed = stage ? stageClosedReason(stage, parisClock(now)) : notFound('Stage').message;
  const ctx = stage && { siteId: input.siteId, stage, member: input.member, waitlist: input.waitlist, convoke: addressProven, now };
  const results: EnrolResult[] = [];
  for (const c of candidates) {
    if (closed || !ctx) results.push(refuse(c, closed ?? ''));
    else if (c.kind === 'unknown') results.push(refuse(c, 'Élève introuvable parmi les élèves que vous suivez.'));
    else results.push(await enrolOne(ctx, c));
  }
  return results;
}

/**
 * Moves the first waiting pupils into freed seats, in waiting order, skipping a collège that has its
 * fair share; each promoted pupil's collège gets the convocation. Call with the stage row locked.
 */
async function promoteWaiting(tx: Tx, stage: { id: string; date: string; fairShareSeats: number | null; fairShareDays: number | null }, opts: { now: Date }) {
  const promoted: string[] = [];
  const waiting = await tx.enrolment.findMany({
    where: { stageId: stage.id, status: 'WAITING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, establishmentId: true },
  });
  if (waiting.length === 0) return promoted;
  // Each collège's confirmed seats, counted once (not once per waiting pupil, under the stage's lock).
  const taken = new Map<string, number>();
  if (stage.fairShareSeats != null) {
    const counts = await tx.enrolment.groupBy({ by: ['establishmentId'], where: { stageId: stage.id, status: 'CONFIRMED' }, _count: { _all: true } });
    for (const c of counts) taken.set(c.establishmentId, c._count._all);
  }
  const today = parisClock(opts.now).day;
  for (const w of waiting) {
    if (stage.fairShareSeats != null) {
      const left = fairShareLeft({ seats: stage.fairShareSeats, days: stage.fairShareDays }, stage.date, today, taken.get(w.establishmentId) ?? 0);
      if (left === 0) continue;
    }
    if (!(await takeSeat(tx, stage.id))) break;
    // Its collège's convocation goes out just after (lib/enrolments/convocations.ts).
    await tx.enrolment.update({ where: { id: w.id }, data: { status: 'CONFIRMED', convocationDue: 'promoted' } });
    await recordAudit(tx, { action: 'enrolment.promote', establishmentId: w.establishmentId, targetType: 'Enrolment', targetId: w.id, data: { stageId: stage.id } });
    taken.set(w.establishmentId, (taken.get(w.establishmentId) ?? 0) + 1);
    promoted.push(w.id);
  }
  return promoted;
}

/** Who cancels: the collège (its pupils in reach, or those this member enrolled) or the platform's staff. */
export type Canceller = { kind: 'college'; actorId: string; reach: PupilReach } | { kind: 'lycee'; actorId: string };

/** Cancels an enrolment: the seat is freed at once, the first waiting pupil promoted, the other side emailed. */
export async function cancelEnrolment(input: { siteId: string; enrolmentId: string; by: Canceller; origin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const own =
      input.by.kind === 'college'
        ? { establishmentId: input.by.reach.establishmentId, OR: [{ pupil: pupilsInReach(input.by.reach) }, { enrolledById: input.by.actorId }] }
        : {};
    const e = await tx.enrolment.findFirst({
      where: { id: input.enrolmentId, stage: { siteId: input.siteId }, ...own },
      select: {
        id: true,
        status: true,
        attendance: true,
        establishmentId: true,
        stage: {
          select: { id: true, date: true, startMinutes: true, endMinutes: true, status: true, site: { select: { fairShareSeats: true, fairShareDays: true } } },
        },
      },
    });
    if (!e) throw notFound('Inscription');
    if (e.status === 'CANCELLED') throw conflict('Cette inscription est déjà annulée.');
    const day = dbDay(e.stage.date);
    const today = parisClock(now).day;
    if (day < today) throw conflict('Ce stage a déjà eu lieu : l’inscription ne peut plus être annulée.');
    if (e.attendance) throw conflict('La présence de cet élève est déjà notée : l’inscription ne peut plus être annulée.');
    // The collège cancels before the stage's day; on the day, the lycée decides (it is expecting the pupil).
    if (input.by.kind === 'college' && day === today) throw conflict('Le stage a lieu aujourd’hui : pour annuler, contactez le lycée, qui attend l’élève.');
    const { count } = await tx.enrolment.updateMany({
      where: { id: e.id, status: e.status },
      data: { status: 'CANCELLED', cancelledAt: now, sequence: { increment: 1 } },
    });
    if (count !== 1) throw conflict('Cette inscription vient d’être modifiée : rechargez la page.');
    await cancelConventionsOf(tx, [e.id], now);
    let promoted: string[] = [];
    if (e.status === 'CONFIRMED') {
      await releaseSeat(tx, e.stage.id);
      // A freed seat goes to the first waiting pupil, unless the stage has started (nobody is called in late).
      const open = stageClosedReason({ ...e.stage, date: day }, parisClock(now)) === null;
      if (open) promoted = await promoteWaiting(tx, { id: e.stage.id, date: day, ...e.stage.site }, { now });
    }
    const emails = e.status === 'CONFIRMED' ? await sendEnrolmentCancelled(tx, await mailRow(tx, e.id), { by: input.by.kind, origin: input.origin, now }) : 0;
    await recordAudit(tx, {
      actorId: input.by.actorId,
      action: 'enrolment.cancel',
      establishmentId: e.establishmentId,
      siteId: input.siteId,
      targetType: 'Enrolment',
      targetId: e.id,
      data: { stageId: e.stage.id, was: e.status, by: input.by.kind, promoted },
    });
    return { promoted: promoted.length, emails };
  }, TX_OPTIONS);
}

/** Présent / absent, by the platform's staff, from the stage's day on; an absence emails the collège. */
export async function recordAttendance(input: { siteId: string; enrolmentId: string; attendance: 'PRESENT' | 'ABSENT'; actorId: string; origin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const e = await tx.enrolment.findFirst({
      where: { id: input.enrolmentId, stage: { siteId: input.siteId } },
      select: { id: true, status: true, absenceNotifiedAt: true, establishmentId: true, stage: { select: { date: true, status: true } } },
    });
    if (!e) throw notFound('Inscription');
    if (e.status !== 'CONFIRMED' || e.stage.status !== 'PUBLISHED') throw conflict('Seuls les élèves inscrits à un stage maintenu ont une présence à noter.');
    if (dbDay(e.stage.date) > parisClock(now).day) throw conflict('La présence se note le jour du stage, pas avant.');
    // The collège hears of an absence once, however often the mark is toggled.
    const notify = input.attendance === 'ABSENT' && !e.absenceNotifiedAt;
    await tx.enrolment.update({ where: { id: e.id }, data: { attendance: input.attendance, attendanceAt: now, ...(notify ? { absenceNotifiedAt: now } : {}) } });
    const emails = notify ? await sendAbsence(tx, await mailRow(tx, e.id), { origin: input.origin, now }) : 0;
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'enrolment.attendance',
      establishmentId: e.establishmentId,
      siteId: input.siteId,
      targetType: 'Enrolment',
      targetId: e.id,
      data: { attendance: input.attendance },
    });
    return { emails };
  }, TX_OPTIONS);
}

/**
 * Free seats with pupils waiting (a fair-share cap that lifted, a capacity raised): the first
 * waiting pupils take them, as a cancellation would. Run by the server's reminders loop.
 */
export async function promoteWhereSeatsFree(now = clock.now()): Promise<number> {
  const today = parisClock(now).day;
  const stages = await prisma.$queryRaw<{ id: string; date: Date; fairShareSeats: number | null; fairShareDays: number | null }[]>`
    SELECT s."id", s."date", site."fairShareSeats", site."fairShareDays" FROM "Stage" s JOIN "Site" site ON site."id" = s."siteId"
    WHERE s."status" = 'PUBLISHED' AND s."date" > ${dayToDb(today)} AND s."enrolledCount" < s."capacity"
      AND EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."stageId" = s."id" AND e."status" = 'WAITING')
    ORDER BY s."date", s."id"
    LIMIT 200`;
  let promoted = 0;
  for (const s of stages) {
    promoted += await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "id" = ${s.id} FOR UPDATE`;
      return (await promoteWaiting(tx, { id: s.id, date: dbDay(s.date), fairShareSeats: s.fairShareSeats, fairShareDays: s.fairShareDays }, { now })).length;
    }, TX_OPTIONS);
  }
  return promoted;
}
