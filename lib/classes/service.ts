// Classes of a collège: create, rename / change filière, delete only when empty, professeurs
// principaux, join code. Every query is scoped by the member's establishment.
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { conflict, invalid, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';
import type { Scope } from '../core/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { generateJoinCode } from './join-code.ts';
import { activeSchoolYear } from '../reference/school-year.ts';

const CLASS = 'Classe';

async function findClass(tx: Tx, scope: Pick<Scope, 'establishmentId'>, classRoomId: string) {
  const room = await tx.classRoom.findFirst({ where: { id: classRoomId, establishmentId: scope.establishmentId } });
  if (!room) throw notFound(CLASS);
  return room;
}

async function assertNameFree(tx: Tx, input: { establishmentId: string; schoolYear: number; name: string; exceptId?: string }) {
  const same = await tx.classRoom.findFirst({
    where: {
      establishmentId: input.establishmentId,
      schoolYear: input.schoolYear,
      name: { equals: input.name, mode: 'insensitive' },
      ...(input.exceptId ? { id: { not: input.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (same) {
    const message = `Une classe « ${input.name} » existe déjà cette année : choisissez un autre nom.`;
    throw conflict(message, { name: [message] });
  }
}

/** « Ajouter une classe »: in the active school year, with a fresh join code. */
export async function createClass(scope: Scope, input: { name: string; level: string; now?: Date }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const schoolYear = await activeSchoolYear(tx, input.now);
        await assertNameFree(tx, { establishmentId: scope.establishmentId, schoolYear, name: input.name });
        const room = await tx.classRoom.create({
          data: { establishmentId: scope.establishmentId, name: input.name, level: input.level, schoolYear, joinCode: generateJoinCode() },
        });
        await recordAudit(tx, {
          actorId: scope.actorId,
          action: 'class.create',
          establishmentId: scope.establishmentId,
          targetType: 'ClassRoom',
          targetId: room.id,
          data: { name: room.name, level: room.level, schoolYear },
        });
        return room;
      });
    } catch (err) {
      // A concurrent class of the same name is refused by assertNameFree on the retry; a join-code collision just retries.
      if (isUniqueViolation(err) && attempt < 5) continue;
      throw err;
    }
  }
}

/** Rename and/or change the filière. */
export async function updateClass(scope: Scope, input: { classRoomId: string; name: string; level: string }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const room = await findClass(tx, scope, input.classRoomId);
      await assertNameFree(tx, { establishmentId: scope.establishmentId, schoolYear: room.schoolYear, name: input.name, exceptId: room.id });
      const updated = await tx.classRoom.update({ where: { id: room.id }, data: { name: input.name, level: input.level } });
      // Pupils' level follows their class (kept for statistics after the rollover).
      if (room.level !== input.level) await tx.pupil.updateMany({ where: { classRoomId: room.id }, data: { level: input.level } });
      await recordAudit(tx, {
        actorId: scope.actorId,
        action: 'class.update',
        establishmentId: scope.establishmentId,
        targetType: 'ClassRoom',
        targetId: room.id,
        data: { before: { name: room.name, level: room.level }, after: { name: updated.name, level: updated.level } },
      });
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const message = `Une classe « ${input.name} » existe déjà cette année : choisissez un autre nom.`;
      throw conflict(message, { name: [message] });
    }
    throw err;
  }
}

const notEmptyMessage = (name: string, count: number) =>
  `La classe « ${name} » compte encore ${count} élève${count > 1 ? 's' : ''} : déplacez-${count > 1 ? 'les' : 'le'} dans une autre classe avant de la supprimer. Seule une classe vide peut être supprimée.`;

/** Deletes a class only when it is empty (the database refuses otherwise: Pupil → ClassRoom is RESTRICT). */
export async function deleteClass(scope: Scope, input: { classRoomId: string }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const room = await findClass(tx, scope, input.classRoomId);
      const count = await tx.pupil.count({ where: { classRoomId: room.id } });
      if (count > 0) throw conflict(notEmptyMessage(room.name, count));
      await tx.classRoom.delete({ where: { id: room.id } });
      await recordAudit(tx, {
        actorId: scope.actorId,
        action: 'class.delete',
        establishmentId: scope.establishmentId,
        targetType: 'ClassRoom',
        targetId: room.id,
        data: { name: room.name, level: room.level, schoolYear: room.schoolYear },
      });
      return { id: room.id, name: room.name };
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) {
      // A pupil joined between the count and the delete: the database kept the class.
      const room = await prisma.classRoom.findFirst({ where: { id: input.classRoomId, establishmentId: scope.establishmentId } });
      const count = await prisma.pupil.count({ where: { classRoomId: input.classRoomId } });
      throw conflict(notEmptyMessage(room?.name ?? 'cette classe', Math.max(count, 1)));
    }
    throw err;
  }
}

/** Sets the professeurs principaux of a class (active members of the same collège with that function). */
export async function assignMainTeachers(scope: Scope, input: { classRoomId: string; membershipIds: string[] }) {
  const ids = [...new Set(input.membershipIds)];
  return prisma.$transaction(async (tx) => {
    const room = await findClass(tx, scope, input.classRoomId);
    const members = await tx.membership.findMany({
      where: { id: { in: ids }, establishmentId: scope.establishmentId, status: 'ACTIVE', role: 'MAIN_TEACHER' },
      select: { id: true },
    });
    if (members.length !== ids.length)
      throw invalid('Choisissez des professeurs principaux membres actifs de votre établissement.', {
        membershipIds: ['Choisissez des professeurs principaux membres actifs de votre établissement.'],
      });
    await tx.classTeacher.deleteMany({ where: { classRoomId: room.id } });
    if (ids.length) await tx.classTeacher.createMany({ data: ids.map((membershipId) => ({ classRoomId: room.id, membershipId })) });
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'class.teachers',
      establishmentId: scope.establishmentId,
      targetType: 'ClassRoom',
      targetId: room.id,
      data: { membershipIds: ids },
    });
    return { id: room.id };
  });
}

/** A new join code (the old one stops working), e.g. when it was shared too widely. */
export async function regenerateJoinCode(scope: Scope, input: { classRoomId: string }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const room = await findClass(tx, scope, input.classRoomId);
        const updated = await tx.classRoom.update({ where: { id: room.id }, data: { joinCode: generateJoinCode() } });
        await recordAudit(tx, { actorId: scope.actorId, action: 'class.code', establishmentId: scope.establishmentId, targetType: 'ClassRoom', targetId: room.id });
        return { id: updated.id, joinCode: updated.joinCode };
      });
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 5) continue;
      throw err;
    }
  }
}
