// Read models of the accounts pages.
import { prisma } from '../core/db.ts';
import { establishmentLabel, personName } from './common.ts';
import * as clock from '../core/clock.ts';

/** « Mon compte »: identity and establishments of the signed-in person. */
export async function accountSummary(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { establishment: { select: { name: true, city: true, uai: true } } }, orderBy: { createdAt: 'asc' } } },
  });
  return {
    displayName: personName(user),
    login: user.login,
    email: user.email,
    isOperator: user.isOperator,
    memberships: user.memberships.map((m) => ({
      id: m.id, role: m.role, status: m.status, function: m.function,
      establishment: establishmentLabel(m.establishment), uai: m.establishment.uai,
    })),
  };
}

/** Counts for the operator's index page. */
export async function operatorCounts(now = clock.now()) {
  const [reviews, overdue] = await Promise.all([
    prisma.registrationReview.count({ where: { status: 'PENDING' } }),
    prisma.accessRequest.count({
      where: { status: 'PENDING', OR: [{ createdAt: { lte: new Date(now.getTime() - 24 * 60 * 60_000) } }, { escalatedAt: { not: null } }] },
    }),
  ]);
  return { reviews, overdue };
}
