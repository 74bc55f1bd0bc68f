// Publishing, editing and cancelling a platform's stages. Every query is scoped to the platform
// (`where: { id, siteId }`): another platform's stage, formation or teacher is *not found*.
import { prisma, type Tx } from '../core/db.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import type { FieldErrors } from '../core/errors.ts';
import { checkStageRules, holidayWarning, type RuleIssue } from './rules.ts';
import { AUDIENCES, type StageInput } from './schema.ts';
import { siteCalendarInfo } from './queries.ts';
import { dayToDb, timeToMinutes, type Day } from './time.ts';
import { dbDay, parisClock } from '../core/format.ts';
import { notifyStageCancelled } from './cancel-mail.ts';
import * as clock from '../core/clock.ts';
import { recordAudit } from '../audit/service.ts';
import { enrolmentMailSelect } from './convocation.ts';

function issuesToFieldErrors(issues: RuleIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) (out[i.field] ??= []).push(i.message);
  return out;
}

const RULES_REFUSED = 'Ce stage ne respecte pas les règles de publication : voyez les messages sous les champs.';

/** Server-side check of the rules (with the platform's own public holidays) and of the ids. */
async function prepare(tx: Tx, siteId: string, input: StageInput, now: Date) {
  const ctx = await siteCalendarInfo(siteId, tx);
  const startMinutes = timeToMinutes(input.startTime);
  const endMinutes = timeToMinutes(input.endTime);
  const issues = checkStageRules({ date: input.date, startMinutes, endMinutes, capacity: input.capacity }, { now, alsace: ctx.alsace });
  if (issues.length) throw invalid(RULES_REFUSED, issuesToFieldErrors(issues));
  const formation = await tx.formation.findFirst({ where: { id: input.formationId, siteId }, select: { id: true, active: true } });
  if (!formation) throw notFound('Formation');
  const teacherId = input.teacherId || null;
  if (teacherId && !(await tx.teacher.findFirst({ where: { id: teacherId, siteId }, select: { id: true } }))) throw notFound('Enseignant');
  return {
    ctx,
    data: {
      formationId: formation.id,
      teacherId,
      stageType: input.stageType,
      date: dayToDb(input.date),
      startMinutes,
      endMinutes,
      scheduleDetail: input.scheduleDetail || null,
      capacity: input.capacity,
      place: input.place || null,
      audience: AUDIENCES.filter((a) => input.audience.includes(a)),
      description: input.description || null,
    },
    formationActive: formation.active,
  };
}

export type PublishResult = { id: string; date: Day; warning: string | null };

/** What the audit keeps of a published or edited stage (the rest is in the row). */
const auditData = (s: StageInput) => ({ date: s.date, startTime: s.startTime, endTime: s.endTime, formationId: s.formationId, capacity: s.capacity });

export async function createStage(input: { siteId: string; userId: string; stage: StageInput; now?: Date }): Promise<PublishResult> {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const { ctx, data, formationActive } = await prepare(tx, input.siteId, input.stage, now);
    if (!formationActive) throw invalid('Cette formation est archivée : réactivez-la dans Options avant d’y publier un stage.', { formationId: ['Formation archivée.'] });
    const stage = await tx.stage.create({ data: { ...data, siteId: input.siteId, createdById: input.userId }, select: { id: true } });
    await recordAudit(tx, { actorId: input.userId, action: 'stage.create', siteId: input.siteId, targetType: 'Stage', targetId: stage.id, data: auditData(input.stage) });
    return { id: stage.id, date: input.stage.date, warning: holidayWarning(input.stage.date, ctx.zone) };
  });
}

/** Edits a published stage; the capacity never goes below the pupils already enrolled. */
export async function updateStage(input: { siteId: string; userId: string; id: string; stage: StageInput; now?: Date }): Promise<PublishResult & { updates: number }> {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const current = await tx.stage.findFirst({
      where: { id: input.id, siteId: input.siteId },
      select: { status: true, date: true, startMinutes: true, endMinutes: true, place: true },
    });
    if (!current) throw notFound('Stage');
    if (current.status === 'CANCELLED') throw conflict('Ce stage est annulé : il ne peut plus être modifié.');
    if (dbDay(current.date) < parisClock(now).day) throw conflict('Ce stage a déjà eu lieu : il ne peut plus être modifié.');
    const { ctx, data } = await prepare(tx, input.siteId, input.stage, now);
    // Conditional update: an enrolment arriving meanwhile cannot push enrolledCount above the capacity.
    const { count } = await tx.stage.updateMany({
      where: { id: input.id, siteId: input.siteId, status: 'PUBLISHED', enrolledCount: { lte: data.capacity } },
      data,
    });
    if (count !== 1) {
      const now2 = await tx.stage.findFirst({ where: { id: input.id, siteId: input.siteId }, select: { enrolledCount: true } });
      const n = now2?.enrolledCount ?? 0;
      const msg = `${n} élève${n > 1 ? 's sont déjà inscrits' : ' est déjà inscrit'} : la capacité ne peut pas être inférieure à ${n}.`;
      throw conflict(msg, { capacity: [msg] });
    }
    // The pupils' convocations follow a change of day, hours or place: the same invitation, a higher SEQUENCE.
    const moved =
      data.date.getTime() !== current.date.getTime() ||
      data.startMinutes !== current.startMinutes ||
      data.endMinutes !== current.endMinutes ||
      data.place !== current.place;
    const updates = moved ? await sendStageUpdates(tx, input.id) : 0;
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'stage.update',
      siteId: input.siteId,
      targetType: 'Stage',
      targetId: input.id,
      data: { ...auditData(input.stage), updates },
    });
    return { id: input.id, date: input.stage.date, warning: holidayWarning(input.stage.date, ctx.zone), updates };
  });
}

/**
 * Each confirmed pupil whose convocation went out gets it again, updated: marked here (a higher
 * SEQUENCE, `convocationDue`), built just after by lib/enrolments/convocations.ts — never rendered
 * under the stage's lock, and several edits in a row send one update. Returns how many are due.
 */
async function sendStageUpdates(tx: Tx, stageId: string): Promise<number> {
  const { count } = await tx.enrolment.updateMany({
    where: { stageId, status: 'CONFIRMED', convocationSentAt: { not: null }, convocationDue: null },
    data: { sequence: { increment: 1 }, convocationDue: 'updated' },
  });
  return count;
}

/**
 * Cancels a stage: status CANCELLED with its reason, its enrolments cancelled, and in the same
 * transaction an email (outbox) to each collège staff member who enrolled pupils and to each
 * guardian with an email address.
 */
/**
 * The conventions of cancelled enrolments are cancelled with them (« annulée »), and their open
 * signature links stop: called in the cancellation's transaction (lib/conventions reads the status).
 */
export async function cancelConventionsOf(tx: Tx, enrolmentIds: string[], now: Date): Promise<void> {
  if (!enrolmentIds.length) return;
  await tx.convention.updateMany({ where: { enrolmentId: { in: enrolmentIds }, status: { not: 'CANCELLED' } }, data: { status: 'CANCELLED', cancelledAt: now } });
  await tx.emailLink.updateMany({ where: { convention: { enrolmentId: { in: enrolmentIds } }, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

export async function cancelStage(input: { siteId: string; userId: string; id: string; reason: string; origin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const stage = await tx.stage.findFirst({ where: { id: input.id, siteId: input.siteId }, select: { status: true, date: true } });
    if (!stage) throw notFound('Stage');
    if (stage.status === 'CANCELLED') throw conflict('Ce stage est déjà annulé.');
    if (dbDay(stage.date) < parisClock(now).day) throw conflict('Ce stage a déjà eu lieu : il ne peut plus être annulé.');
    const { count } = await tx.stage.updateMany({
      where: { id: input.id, siteId: input.siteId, status: 'PUBLISHED' },
      data: { status: 'CANCELLED', cancelledAt: now, cancelReason: input.reason, enrolledCount: 0 },
    });
    if (count !== 1) throw conflict('Ce stage est déjà annulé.');
    const active = await tx.enrolment.findMany({ where: { stageId: input.id, status: { in: ['CONFIRMED', 'WAITING'] } }, select: { id: true, status: true } });
    await tx.enrolment.updateMany({ where: { id: { in: active.map((e) => e.id) } }, data: { status: 'CANCELLED', cancelledAt: now, sequence: { increment: 1 } } });
    await cancelConventionsOf(
      tx,
      active.map((e) => e.id),
      now,
    );
    const confirmed = active.filter((e) => e.status === 'CONFIRMED').map((e) => e.id);
    const enrolments = await tx.enrolment.findMany({ where: { id: { in: active.map((e) => e.id) } }, select: enrolmentMailSelect });
    const emails = await notifyStageCancelled(tx, { reason: input.reason, origin: input.origin, now, enrolments, invited: new Set(confirmed) });
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'stage.cancel',
      siteId: input.siteId,
      targetType: 'Stage',
      targetId: input.id,
      data: { reason: input.reason, enrolments: active.length, emails },
    });
    return { id: input.id, enrolmentsCancelled: active.length, emails };
  });
}
