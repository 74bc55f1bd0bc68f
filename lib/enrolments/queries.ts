// Reading enrolments: « Stagiaires » (a platform's enrolments), the pupils of one stage, the
// « Inscrire un stagiaire » panel, and a collège's enrolments across every platform.
// The platform's staff see every enrolment of the platform; a collège member sees the pupils of
// their collège in their reach (lib/classes/access.ts) and those they enrolled themselves.
import { prisma } from '../core/db.ts';
import type { Paging } from '../core/paging.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { dayToDb, type Day } from '../stages/time.ts';
import { stageSlotSelect } from '../stages/queries.ts';
import { dbDay, displayName, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import type { Actor } from '../core/actor.ts';
import { can } from '../core/permissions.ts';
import { pupilReachOf, pupilsInReach, type PupilReach } from '../classes/access.ts';
import { fairShareLeft, fairShareLiftsOn, stageClosedReason, audienceRefusal } from './rules.ts';

export type TraineeScope = { kind: 'site' } | { kind: 'establishment'; establishmentId: string; pupil: Prisma.PupilWhereInput; actorId?: string };

export type EnrolmentStatusName = 'CONFIRMED' | 'WAITING' | 'CANCELLED';
type ConventionStatusName = 'DRAFT' | 'READY' | 'PARTIAL' | 'SIGNED' | 'CANCELLED';

export type TraineeRow = {
  id: string;
  status: EnrolmentStatusName;
  attendance: 'PRESENT' | 'ABSENT' | null;
  convention: ConventionStatusName | null;
  pupil: string;
  classRoom: string | null;
  establishment: string;
  establishmentId: string;
  stage: { id: string; date: Day; startMinutes: number; endMinutes: number; formation: string; status: 'PUBLISHED' | 'CANCELLED' };
};

/** Whose enrolments this person sees on the platform: all (its staff), their reach in their collège, or none. */
export function traineeScopeOf(actor: Actor): TraineeScope | null {
  if (can(actor, 'enrolments:view-site')) return { kind: 'site' };
  const reach = pupilReachOf(actor, 'view') ?? (can(actor, 'enrolments:create') ? pupilReachOf(actor, 'manage') : null);
  return reach ? { kind: 'establishment', establishmentId: reach.establishmentId, pupil: pupilsInReach(reach), actorId: reach.actorId } : null;
}

/** The `where` of the enrolments a scope sees. */
function scopeWhere(scope: TraineeScope): Prisma.EnrolmentWhereInput {
  if (scope.kind === 'site') return {};
  return { establishmentId: scope.establishmentId, OR: [{ pupil: scope.pupil }, ...(scope.actorId ? [{ enrolledById: scope.actorId }] : [])] };
}

export type TraineeFilters = { past?: boolean; stageId?: string; establishmentId?: string; status?: EnrolmentStatusName; now?: Date };

const TRAINEES_LIMIT = 2000;

function traineeWhere(siteId: string, scope: TraineeScope, opts: TraineeFilters): Prisma.EnrolmentWhereInput {
  const stage: Prisma.StageWhereInput = { siteId };
  if (!opts.past && !opts.stageId) stage.date = { gte: dayToDb(parisClock(opts.now ?? clock.now()).day) };
  if (opts.stageId) stage.id = opts.stageId;
  const where: Prisma.EnrolmentWhereInput = { AND: [{ stage }, scopeWhere(scope)] };
  if (opts.establishmentId) where.establishmentId = opts.establishmentId;
  if (opts.status) where.status = opts.status;
  return where;
}

/** How many rows `listTrainees` would give without a page (the page's « N inscriptions »). */
export function countTrainees(siteId: string, scope: TraineeScope, opts: TraineeFilters = {}): Promise<number> {
  return prisma.enrolment.count({ where: traineeWhere(siteId, scope, opts) });
}

/** « Stagiaires »: one page of rows (`paging`), or all of them up to TRAINEES_LIMIT (the CSV export). */
export async function listTrainees(siteId: string, scope: TraineeScope, opts: TraineeFilters = {}, paging?: Paging): Promise<TraineeRow[]> {
  const where = traineeWhere(siteId, scope, opts);
  const rows = await prisma.enrolment.findMany({
    where,
    orderBy: [{ stage: { date: 'asc' } }, { stage: { startMinutes: 'asc' } }, { pupil: { lastName: 'asc' } }, { id: 'asc' }],
    skip: paging?.skip ?? 0,
    take: paging?.size ?? TRAINEES_LIMIT,
    select: {
      id: true,
      status: true,
      attendance: true,
      establishmentId: true,
      convention: { select: { status: true } },
      pupil: { select: { firstName: true, lastName: true, classLabel: true, classRoom: { select: { name: true } } } },
      establishment: { select: { name: true } },
      stage: { select: stageSlotSelect },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    attendance: r.attendance,
    convention: r.convention?.status ?? null,
    pupil: displayName(r.pupil, { fallback: 'Élève' }),
    classRoom: r.pupil.classRoom?.name ?? r.pupil.classLabel ?? null,
    establishment: r.establishment.name,
    establishmentId: r.establishmentId,
    stage: { ...r.stage, date: dbDay(r.stage.date), formation: `${r.stage.formation.type} ${r.stage.formation.name}` },
  }));
}

/** The collèges and stages the platform's staff can filter « Stagiaires » by. */
export async function traineeFilterOptions(siteId: string, scope: TraineeScope) {
  const where: Prisma.EnrolmentWhereInput = { AND: [{ stage: { siteId } }, scopeWhere(scope)] };
  const establishments = await prisma.establishment.findMany({
    where: { enrolments: { some: where } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, city: true },
  });
  return { establishments };
}

/** The pupils of one stage (the platform's staff: all; a collège: its own), waiting ones in their order. */
export async function stageEnrolments(siteId: string, stageId: string, scope: TraineeScope) {
  const rows = await prisma.enrolment.findMany({
    where: { AND: [{ stageId, stage: { siteId }, status: { in: ['CONFIRMED', 'WAITING'] } }, scopeWhere(scope)] },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      attendance: true,
      convocationSentAt: true,
      convention: { select: { status: true } },
      pupil: { select: { firstName: true, lastName: true, classLabel: true, classRoom: { select: { name: true } } } },
      establishment: { select: { name: true } },
    },
  });
  // The waiting position over the whole stage (a collège sees only its pupils, not its place in line).
  const waiting = rows.some((r) => r.status === 'WAITING')
    ? await prisma.enrolment.findMany({ where: { stageId, status: 'WAITING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } })
    : [];
  const rank = new Map(waiting.map((w, i) => [w.id, i + 1]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    attendance: r.attendance,
    waitingRank: rank.get(r.id) ?? null,
    convocationSent: r.convocationSentAt !== null,
    convention: (r.convention?.status ?? 'DRAFT') as ConventionStatusName,
    pupil: displayName(r.pupil, { fallback: 'Élève' }),
    classRoom: r.pupil.classRoom?.name ?? r.pupil.classLabel ?? null,
    establishment: r.establishment.name,
  }));
}

export { ATTENDANCE_LABEL, CONVENTION_LABEL, ENROLMENT_STATUS } from './labels.ts';

type PanelStage = {
  id: string;
  status: 'PUBLISHED' | 'CANCELLED';
  date: Day;
  startMinutes: number;
  endMinutes: number;
  capacity: number;
  enrolledCount: number;
  audience: string[];
};

export type EnrolmentPanel =
  | { open: false; reason: string }
  | {
      open: true;
      full: boolean;
      seatsLeft: number;
      /** Seats this collège may still take under the fair share (null: no cap now). */
      collegeLeft: number | null;
      capLiftsOn: Day | null;
      emailVerified: boolean;
      pupils: { id: string; name: string; classId: string | null; className: string; eligible: string | null }[];
      classes: { id: string; name: string }[];
    };

/** What « Inscrire un stagiaire » offers this member for this stage, or why it is closed. */
export async function enrolmentPanel(siteId: string, stage: PanelStage, reach: PupilReach & { actorId: string }, now = clock.now()): Promise<EnrolmentPanel> {
  const closed = stageClosedReason(stage, parisClock(now));
  if (closed) return { open: false, reason: closed };
  const [site, user, taken, pupils] = await Promise.all([
    prisma.site.findUniqueOrThrow({ where: { id: siteId }, select: { fairShareSeats: true, fairShareDays: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: reach.actorId }, select: { emailVerified: true } }),
    prisma.enrolment.count({ where: { stageId: stage.id, establishmentId: reach.establishmentId, status: 'CONFIRMED' } }),
    prisma.pupil.findMany({
      where: { AND: [pupilsInReach(reach), { enrolments: { none: { stageId: stage.id, status: { in: ['CONFIRMED', 'WAITING'] } } } }] },
      orderBy: [{ classRoom: { name: 'asc' } }, { lastName: 'asc' }, { firstName: 'asc' }],
      take: 1000,
      select: { id: true, firstName: true, lastName: true, level: true, classLabel: true, classRoom: { select: { id: true, name: true, level: true } } },
    }),
  ]);
  const today = parisClock(now).day;
  const collegeLeft = fairShareLeft({ seats: site.fairShareSeats, days: site.fairShareDays }, stage.date, today, taken);
  const classes = new Map<string, string>();
  for (const p of pupils) if (p.classRoom) classes.set(p.classRoom.id, p.classRoom.name);
  return {
    open: true,
    full: stage.enrolledCount >= stage.capacity || collegeLeft === 0,
    seatsLeft: Math.max(0, stage.capacity - stage.enrolledCount),
    collegeLeft,
    capLiftsOn: collegeLeft !== null && site.fairShareDays != null ? fairShareLiftsOn(stage.date, site.fairShareDays) : null,
    emailVerified: user.emailVerified !== null,
    pupils: pupils.map((p) => ({
      id: p.id,
      name: displayName(p, { fallback: 'Élève' }),
      classId: p.classRoom?.id ?? null,
      className: p.classRoom?.name ?? p.classLabel ?? 'Sans classe',
      eligible: audienceRefusal(stage.audience, p.classRoom?.level ?? p.level),
    })),
    classes: [...classes].map(([id, name]) => ({ id, name })),
  };
}

/** The active enrolments a collège member sees on every platform: their collège's, pupils in reach or enrolled by them. */
export function collegeEnrolmentWhere(reach: PupilReach & { actorId: string }): Prisma.EnrolmentWhereInput {
  return { establishmentId: reach.establishmentId, status: { in: ['CONFIRMED', 'WAITING'] }, OR: [{ pupil: pupilsInReach(reach) }, { enrolledById: reach.actorId }] };
}

/** A collège's enrolments on every platform, for the portal: by class, with what is missing. */
export async function collegeEnrolments(reach: PupilReach & { actorId: string }, opts: { past?: boolean; now?: Date } = {}) {
  const today = parisClock(opts.now ?? clock.now()).day;
  const rows = await prisma.enrolment.findMany({
    where: {
      ...collegeEnrolmentWhere(reach),
      ...(opts.past ? {} : { stage: { date: { gte: dayToDb(today) } } }),
    },
    orderBy: [{ stage: { date: 'asc' } }, { stage: { startMinutes: 'asc' } }],
    take: TRAINEES_LIMIT,
    select: {
      id: true,
      status: true,
      attendance: true,
      convention: { select: { status: true } },
      pupil: { select: { firstName: true, lastName: true, classLabel: true, classRoom: { select: { name: true } } } },
      stage: { select: { ...stageSlotSelect, site: { select: { name: true, slug: true, domains: { select: { host: true }, take: 1 } } } } },
    },
  });
  return rows.map((r) => {
    const date = dbDay(r.stage.date);
    const missing = [
      ...(r.status === 'CONFIRMED' && r.convention?.status !== 'SIGNED' ? ['convention'] : []),
      ...(r.status === 'CONFIRMED' && date < today && !r.attendance ? ['présence'] : []),
    ];
    return {
      id: r.id,
      status: r.status,
      attendance: r.attendance,
      convention: r.convention?.status ?? null,
      pupil: displayName(r.pupil, { fallback: 'Élève' }),
      classRoom: r.pupil.classRoom?.name ?? r.pupil.classLabel ?? 'Sans classe',
      stage: {
        id: r.stage.id,
        date,
        startMinutes: r.stage.startMinutes,
        endMinutes: r.stage.endMinutes,
        status: r.stage.status,
        formation: `${r.stage.formation.type} ${r.stage.formation.name}`,
      },
      site: r.stage.site,
      missing,
    };
  });
}
