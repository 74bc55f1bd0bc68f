// What a signed-in pupil does alone: join a class with its code (after signing up without one, or
// after a collège detached them), and fill in their legal guardians.
import { prisma } from '../core/db.ts';
import { conflict, notFound } from '../core/errors.ts';
import { pupilSignUpReadiness } from '../team/establishments.ts';
import { recordAudit } from '../audit/service.ts';
import { replaceGuardians } from './pupils.ts';
import type { GuardianInput } from './schema.ts';
import { classOfCode } from './signup.ts';

export type PupilSelf = { userId: string; pupilId: string };

export async function joinClassWithCode(self: PupilSelf, input: { code: string }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await tx.pupil.findFirst({
      where: { id: self.pupilId, userId: self.userId, anonymisedAt: null },
      include: { establishment: { select: { name: true } }, classRoom: { select: { name: true } } },
    });
    if (!pupil) throw notFound('Élève');
    const target = await classOfCode(tx, input.code);
    const room = target.classRoom!;
    if (pupil.classRoomId === room.id) return { classRoomId: room.id, className: room.name, establishmentName: target.establishment.name };
    if (pupil.establishmentId && pupil.establishmentId !== target.establishment.id)
      throw conflict(
        `Vous êtes inscrit(e) au ${pupil.establishment?.name ?? 'collège'}. Si ce n'est pas votre collège, demandez à son équipe de vous retirer (« Cet élève ne fait pas partie de mon établissement »), puis saisissez à nouveau ce code.`,
      );
    if (pupil.classRoomId)
      throw conflict(`Vous êtes déjà dans la classe ${pupil.classRoom?.name ?? ''} : demandez à votre professeur principal de vous changer de classe.`);
    const readiness = await pupilSignUpReadiness(tx, target.establishment);
    if (!readiness.open) throw conflict(readiness.reason);
    await tx.pupil.update({
      where: { id: pupil.id },
      data: { establishmentId: target.establishment.id, classRoomId: room.id, level: room.level, schoolYear: room.schoolYear },
    });
    await recordAudit(tx, {
      actorId: self.userId,
      action: 'pupil.join',
      establishmentId: target.establishment.id,
      targetType: 'Pupil',
      targetId: pupil.id,
      data: { to: { id: room.id, name: room.name } },
    });
    return { classRoomId: room.id, className: room.name, establishmentName: target.establishment.name };
  });
}

export async function updateOwnGuardians(self: PupilSelf, input: { guardians: GuardianInput[] }) {
  return prisma.$transaction(async (tx) => {
    const pupil = await tx.pupil.findFirst({ where: { id: self.pupilId, userId: self.userId, anonymisedAt: null }, select: { id: true, establishmentId: true } });
    if (!pupil) throw notFound('Élève');
    // Parents sign the convention: while one is out for signature (or signed), only the collège changes them.
    const signing = await tx.convention.count({ where: { enrolment: { pupilId: pupil.id }, status: { in: ['READY', 'PARTIAL', 'SIGNED'] } } });
    if (signing)
      throw conflict(
        'Votre convention de stage est en cours de signature (ou signée) : pour corriger vos responsables légaux, adressez-vous au secrétariat ou à votre professeur principal.',
      );
    const count = await replaceGuardians(tx, { actorId: self.userId, establishmentId: pupil.establishmentId, pupilId: pupil.id, byPupil: true }, input.guardians);
    return { count };
  });
}
