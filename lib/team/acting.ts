// A person who belongs to several collèges' teams chooses which one they act for (the header's
// switch). Remembered on the account, so every host and every device agree.
import { prisma } from '../core/db.ts';
import { AppError } from '../core/errors.ts';

export async function chooseEstablishment(userId: string, establishmentId: string): Promise<{ establishmentName: string }> {
  const membership = await prisma.membership.findFirst({
    where: { userId, establishmentId, status: 'ACTIVE' },
    select: { establishment: { select: { name: true } } },
  });
  // Not a member (or no longer): the same answer whatever the establishment is.
  if (!membership) throw new AppError('NOT_FOUND', 'Vous ne faites pas partie de l’équipe de cet établissement.');
  await prisma.user.update({ where: { id: userId }, data: { actingEstablishmentId: establishmentId } });
  return { establishmentName: membership.establishment.name };
}
