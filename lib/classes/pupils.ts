// Managing the collège's pupils: move between classes (one or many), give a class to a pupil
// without one, detach a pupil who is not from the collège, guardians. Every pupil is read through
// the actor's reach (lib/classes/access.ts): the whole collège, or the classes of a professeur
// principal — in the `where` of the query, so a pupil out of reach is *not found*.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, forbidden, notFound } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import PupilDetachedEmail from '../../emails/pupil-detached.tsx';
import { ownTeacherLink, pupilsInReach, type PupilReach, type PupilScope } from './access.ts';
import { recordAudit } from '../audit/service.ts';
import { isFilledGuardian, normalizePhone, type GuardianInput } from './schema.ts';

const PUPIL = 'Élève';

const OWN_CLASS_ONLY =
  'Vous pouvez placer un élève sans classe seulement dans l’une de vos classes. Pour une autre classe, adressez-vous à son professeur principal ou à la direction.';
const CHANGED_MEANWHILE = 'Cet élève vient d’être changé de classe ou retiré par quelqu’un d’autre : rechargez la page puis recommencez.';

async function findPupil(tx: Tx, reach: PupilReach, pupilId: string) {
  const pupil = await tx.pupil.findFirst({ where: { id: pupilId, ...pupilsInReach(reach) } });
  if (!pupil) throw notFound(PUPIL);
  return pupil;
}

/** Writes only if the pupil is still where it was read (same collège, same class): nothing changes under a concurrent move. */
async function updatePupilWhereRead(
  tx: Tx,
  pupil: { id: string; establishmentId: string | null; classRoomId: string | null },
  data: { establishmentId?: null; classRoomId: string | null; level?: string; schoolYear?: number },
) {
  const { count } = await tx.pupil.updateMany({
    where: { id: pupil.id, establishmentId: pupil.establishmentId, classRoomId: pupil.classRoomId, anonymisedAt: null },
    data,
  });
  if (count !== 1) throw conflict(CHANGED_MEANWHILE);
}

/**
 * « Enregistrer les modifications »: each pupil to the chosen class (null: without class). Returns how
 * many changed. All or nothing: every pupil of the batch must be in reach — for a professeur
 * principal, a pupil of their classes, or a pupil without class that goes into one of their classes.
 */
export async function movePupils(scope: PupilScope, input: { moves: { pupilId: string; classRoomId: string | null }[] }) {
  const last = new Map(input.moves.map((m) => [m.pupilId, m.classRoomId])); // the last choice for a pupil wins
  const pupilIds = [...last.keys()];
  const classIds = [...new Set([...last.values()].filter((v): v is string => v !== null))];
  return prisma.$transaction(async (tx) => {
    const inReach = pupilsInReach(scope);
    const withoutClass = { establishmentId: scope.establishmentId, anonymisedAt: null, classRoomId: null };
    const [pupils, classes] = await Promise.all([
      tx.pupil.findMany({
        where: { id: { in: pupilIds }, ...(scope.wholeCollege ? inReach : { OR: [inReach, withoutClass] }) },
        include: { classRoom: true },
      }),
      tx.classRoom.findMany({
        where: { id: { in: classIds }, establishmentId: scope.establishmentId },
        include: { teachers: { where: ownTeacherLink(scope), select: { membershipId: true } } },
      }),
    ]);
    if (pupils.length !== pupilIds.length) throw notFound(PUPIL);
    if (classes.length !== classIds.length) throw notFound('Classe');
    const byId = new Map(classes.map((c) => [c.id, c]));
    // Checked for the whole batch before anything is written.
    if (!scope.wholeCollege) {
      for (const pupil of pupils) {
        const targetId = last.get(pupil.id) ?? null;
        if (pupil.classRoomId === null && targetId !== null && byId.get(targetId)!.teachers.length === 0) throw forbidden(OWN_CLASS_ONLY);
      }
    }
    let moved = 0;
    for (const pupil of pupils) {
      const targetId = last.get(pupil.id) ?? null;
      if (targetId === pupil.classRoomId) continue;
      const target = targetId ? byId.get(targetId)! : null;
      await updatePupilWhereRead(tx, pupil, { classRoomId: targetId, ...(target ? { level: target.level, schoolYear: target.schoolYear } : {}) });
      await recordAudit(tx, {
        actorId: scope.actorId,
        action: pupil.classRoomId ? 'pupil.move' : 'pupil.assign',
        establishmentId: scope.establishmentId,
        targetType: 'Pupil',
        targetId: pupil.id,
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
export async function detachPupil(scope: PupilScope, input: { pupilId: string }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await findPupil(tx, scope, input.pupilId);
    const establishment = await tx.establishment.findUniqueOrThrow({ where: { id: scope.establishmentId }, select: { name: true } });
    await updatePupilWhereRead(tx, pupil, { establishmentId: null, classRoomId: null });
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'pupil.detach',
      establishmentId: scope.establishmentId,
      targetType: 'Pupil',
      targetId: pupil.id,
      data: { classRoomId: pupil.classRoomId },
    });
    const user = pupil.userId ? await tx.user.findUnique({ where: { id: pupil.userId }, select: { email: true, emailVerified: true } }) : null;
    if (user?.email && user.emailVerified) {
      await enqueueEmail(tx, {
        template: 'pupil-detached',
        to: user.email,
        subject: `Votre compte n'est plus rattaché au ${establishment.name}`,
        element: createElement(PupilDetachedEmail, { platformName: env.appName, establishmentName: establishment.name }),
      });
    }
    return { id: pupil.id };
  });
}

/** Replaces the pupil's legal guardians (at most two; empty entries are ignored). */
/** `byPupil`: typed by the pupil themself (no convention signature link until the collège saves them). */
export async function saveGuardians(tx: Tx, pupilId: string, guardians: GuardianInput[], byPupil = false) {
  await tx.guardian.deleteMany({ where: { pupilId } });
  const filled = guardians.filter(isFilledGuardian).slice(0, 2);
  for (const [i, g] of filled.entries()) {
    await tx.guardian.create({
      data: {
        pupilId,
        rank: i + 1,
        lastName: g.lastName!.trim(),
        firstName: g.firstName!.trim(),
        email: g.email ? g.email.trim().toLowerCase() : null,
        phone: g.phone ? normalizePhone(g.phone) : null,
        enteredByPupil: byPupil,
      },
    });
  }
  return filled.length;
}

/** Someone (staff, or the pupil) replaces a pupil's guardians: saved, and recorded in the trail. */
export async function replaceGuardians(tx: Tx, by: { actorId: string; establishmentId: string | null; pupilId: string; byPupil?: boolean }, guardians: GuardianInput[]) {
  const count = await saveGuardians(tx, by.pupilId, guardians, by.byPupil);
  await recordAudit(tx, {
    actorId: by.actorId,
    action: 'pupil.guardians',
    establishmentId: by.establishmentId,
    targetType: 'Pupil',
    targetId: by.pupilId,
    data: { count, ...(by.byPupil ? { byPupil: true } : {}) },
  });
  return count;
}

/** Staff fill in or correct the guardians of a pupil in their reach. */
export async function updateGuardians(scope: PupilScope, input: { pupilId: string; guardians: GuardianInput[] }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await findPupil(tx, scope, input.pupilId);
    const count = await replaceGuardians(tx, { actorId: scope.actorId, establishmentId: scope.establishmentId, pupilId: pupil.id }, input.guardians);
    return { id: pupil.id, count };
  });
}
