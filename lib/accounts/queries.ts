// Read models of the accounts pages.
import { prisma } from '../core/db.ts';
import { displayName } from '../core/format.ts';
import { checkLink, type AccountPurpose, type LinkCheck } from '../core/links.ts';
import { establishmentLabel } from './common.ts';
import * as clock from '../core/clock.ts';

/** « Mon compte »: identity and establishments of the signed-in person. */
export async function accountSummary(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { establishment: { select: { name: true, city: true, uai: true } } }, orderBy: { createdAt: 'asc' } } },
  });
  return {
    displayName: displayName(user, { civility: true }),
    login: user.login,
    email: user.email,
    isOperator: user.isOperator,
    memberships: user.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      status: m.status,
      function: m.function,
      establishment: establishmentLabel(m.establishment),
      uai: m.establishment.uai,
    })),
  };
}

/**
 * What an activation or reset link is worth, without using it (the pages show a form: mail scanners
 * only open links), with the login of its account whenever the link is known (the expired activation
 * page offers to resend it to that login).
 */
export async function readAccountLink<P extends AccountPurpose>(purpose: P, raw: string, now = clock.now()): Promise<LinkCheck<P> & { login?: string }> {
  const check: LinkCheck<P> = await checkLink(prisma, { purpose, raw, now });
  if (check.state === 'unknown') return check;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: check.link.userId }, select: { login: true } });
  return { ...check, login: user.login };
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
