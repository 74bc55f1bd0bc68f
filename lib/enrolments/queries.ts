// « Stagiaires »: the enrolments in a platform's stages, read-only (enrolling is another area).
// The platform's staff see every enrolment; a collège's team member sees only the pupils of their
// collège they may see (their reach: lib/classes/access.ts; a teacher sees none).
import { prisma } from '../core/db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { dayToDb, type Day } from './time.ts';
import { dbDay, displayName, parisClock } from '../core/format.ts';
import * as clock from '../core/clock.ts';
import type { Actor } from '../core/actor.ts';
import { can } from '../core/permissions.ts';
import { pupilReachOf, pupilsInReach } from '../classes/access.ts';

export type TraineeScope = { kind: 'site' } | { kind: 'establishment'; establishmentId: string; pupil: Prisma.PupilWhereInput };

export type TraineeRow = {
  id: string;
  status: 'CONFIRMED' | 'WAITING' | 'CANCELLED';
  attendance: 'PRESENT' | 'ABSENT' | null;
  pupil: string;
  classRoom: string | null;
  establishment: string;
  stage: { id: string; date: Day; startMinutes: number; endMinutes: number; formation: string; status: 'PUBLISHED' | 'CANCELLED' };
};

/** Whose enrolments this person sees on the platform: all (its staff), their reach in their collège, or none. */
export function traineeScopeOf(actor: Actor): TraineeScope | null {
  if (can(actor, 'enrolments:view-site')) return { kind: 'site' };
  const reach = pupilReachOf(actor, 'view');
  return reach ? { kind: 'establishment', establishmentId: reach.establishmentId, pupil: pupilsInReach(reach) } : null;
}

export async function listTrainees(siteId: string, scope: TraineeScope, opts: { past?: boolean; now?: Date } = {}): Promise<TraineeRow[]> {
  const stage: Prisma.StageWhereInput = { siteId };
  if (!opts.past) stage.date = { gte: dayToDb(parisClock(opts.now ?? clock.now()).day) };
  const where: Prisma.EnrolmentWhereInput = { stage };
  if (scope.kind === 'establishment') Object.assign(where, { establishmentId: scope.establishmentId, pupil: scope.pupil });
  const rows = await prisma.enrolment.findMany({
    where,
    orderBy: [{ stage: { date: 'asc' } }, { stage: { startMinutes: 'asc' } }, { pupil: { lastName: 'asc' } }],
    take: 1000,
    select: {
      id: true,
      status: true,
      attendance: true,
      pupil: { select: { firstName: true, lastName: true, classRoom: { select: { name: true } } } },
      establishment: { select: { name: true } },
      stage: { select: { id: true, date: true, startMinutes: true, endMinutes: true, status: true, formation: { select: { type: true, name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    attendance: r.attendance,
    pupil: displayName(r.pupil, { fallback: 'Élève' }),
    classRoom: r.pupil.classRoom?.name ?? null,
    establishment: r.establishment.name,
    stage: { ...r.stage, date: dbDay(r.stage.date), formation: `${r.stage.formation.type} ${r.stage.formation.name}` },
  }));
}

/** The pupils of one stage (the platform's staff: all; a collège: its own). */
export async function stageEnrolments(siteId: string, stageId: string, scope: TraineeScope) {
  const rows = await prisma.enrolment.findMany({
    where: { stageId, stage: { siteId }, ...(scope.kind === 'establishment' ? { establishmentId: scope.establishmentId, pupil: scope.pupil } : {}) },
    orderBy: [{ status: 'asc' }, { pupil: { lastName: 'asc' } }],
    select: {
      id: true,
      status: true,
      pupil: { select: { firstName: true, lastName: true, classRoom: { select: { name: true } } } },
      establishment: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    pupil: displayName(r.pupil, { fallback: 'Élève' }),
    classRoom: r.pupil.classRoom?.name ?? null,
    establishment: r.establishment.name,
  }));
}

export const ENROLMENT_STATUS = { CONFIRMED: 'Inscrit', WAITING: 'Liste d’attente', CANCELLED: 'Annulé' } as const;
