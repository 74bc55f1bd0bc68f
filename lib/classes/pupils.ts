// Managing the collège's pupils (every team member): move between classes (one or many),
// give a class to a pupil without one, detach a pupil who is not from the collège, guardians.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { notFound } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import PupilDetachedEmail from '../../emails/pupil-detached.tsx';
import type { Scope } from './access.ts';
import { recordAudit } from './audit.ts';
import { isFilledGuardian, normalizePhone, type GuardianInput } from './schema.ts';

const PUPIL = 'Élève';

export async function findPupil(tx: Tx, scope: Pick<Scope, 'establishmentId'>, pupilId: string) {
  const pupil = await tx.pupil.findFirst({ where: { id: pupilId, establishmentId: scope.establishmentId, anonymisedAt: null } });
  if (!pupil) throw notFound(PUPIL);
  return pupil;
}

/** « Enregistrer les modifications »: each pupil to the chosen class (null: without class). Returns how many changed. */
export async function movePupils(scope: Scope, input: { moves: { pupilId: string; classRoomId: string | null }[] }) {
  const last = new Map(input.moves.map((m) => [m.pupilId, m.classRoomId])); // the last choice for a pupil wins
  const pupilIds = [...last.keys()];
  const classIds = [...new Set([...last.values()].filter((v): v is string => v !== null))];
  return prisma.$transaction(async (tx) => {
    const [pupils, classes] = await Promise.all([
      tx.pupil.findMany({ where: { id: { in: pupilIds }, establishmentId: scope.establishmentId, anonymisedAt: null }, include: { classRoom: true } }),
      tx.classRoom.findMany({ where: { id: { in: classIds }, establishmentId: scope.establishmentId } }),
    ]);
    if (pupils.length !== pupilIds.length) throw notFound(PUPIL);
    if (classes.length !== classIds.length) throw notFound('Classe');
    const byId = new Map(classes.map((c) => [c.id, c]));
    let moved = 0;
    for (const pupil of pupils) {
      const targetId = last.get(pupil.id) ?? null;
      if (targetId === pupil.classRoomId) continue;
      const target = targetId ? byId.get(targetId)! : null;
      await tx.pupil.update({
        where: { id: pupil.id },
        data: { classRoomId: targetId, ...(target ? { level: target.level, schoolYear: target.schoolYear } : {}) },
      });
      await recordAudit(tx, {
        actorId: scope.actorId, action: pupil.classRoomId ? 'pupil.move' : 'pupil.assign', establishmentId: scope.establishmentId,
        targetType: 'Pupil', targetId: pupil.id,
        data: { from: pupil.classRoom ? { id: pupil.classRoom.id, name: pupil.classRoom.name } : null, to: target ? { id: target.id, name: target.name } : null },
      });
      moved++;
    }
    return { moved };
  });
}

/**
 * « Cet élève ne fait pas partie de mon établissement »: the pupil leaves the collège (and its
 * class) and may then join the right one with a class code. The pupil is told by email if possible.
 */
export async function detachPupil(scope: Scope, input: { pupilId: string }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await findPupil(tx, scope, input.pupilId);
    const establishment = await tx.establishment.findUniqueOrThrow({ where: { id: scope.establishmentId }, select: { name: true } });
    await tx.pupil.update({ where: { id: pupil.id }, data: { establishmentId: null, classRoomId: null } });
    await recordAudit(tx, {
      actorId: scope.actorId, action: 'pupil.detach', establishmentId: scope.establishmentId, targetType: 'Pupil', targetId: pupil.id,
      data: { classRoomId: pupil.classRoomId },
    });
    const user = pupil.userId ? await tx.user.findUnique({ where: { id: pupil.userId }, select: { email: true, emailVerified: true } }) : null;
    if (user?.email && user.emailVerified) {
      await enqueueEmail(tx, {
        template: 'pupil-detached', to: user.email, subject: `Votre compte n'est plus rattaché au ${establishment.name}`,
        element: createElement(PupilDetachedEmail, { platformName: env.appName, establishmentName: establishment.name }),
      });
    }
    return { id: pupil.id };
  });
}

/** Replaces the pupil's legal guardians (at most two; empty entries are ignored). */
export async function saveGuardians(tx: Tx, pupilId: string, guardians: GuardianInput[]) {
  await tx.guardian.deleteMany({ where: { pupilId } });
  const filled = guardians.filter(isFilledGuardian).slice(0, 2);
  for (const [i, g] of filled.entries()) {
    await tx.guardian.create({
      data: {
        pupilId, rank: i + 1, lastName: g.lastName!.trim(), firstName: g.firstName!.trim(),
        email: g.email ? g.email.trim().toLowerCase() : null, phone: g.phone ? normalizePhone(g.phone) : null,
      },
    });
  }
  return filled.length;
}

/** Staff fill in or correct the guardians of one of their pupils. */
export async function updateGuardians(scope: Scope, input: { pupilId: string; guardians: GuardianInput[] }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await findPupil(tx, scope, input.pupilId);
    const count = await saveGuardians(tx, pupil.id, input.guardians);
    await recordAudit(tx, {
      actorId: scope.actorId, action: 'pupil.guardians', establishmentId: scope.establishmentId, targetType: 'Pupil', targetId: pupil.id,
      data: { count },
    });
    return { id: pupil.id, count };
  });
}
