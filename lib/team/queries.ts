// Read models of the team page: members, people waiting for approval, invitations.
import { prisma } from '../core/db.ts';
import * as clock from '../core/clock.ts';

const person = (u: { firstName: string | null; lastName: string | null; login: string }) =>
  [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;

export async function teamOverview(establishmentId: string, now: Date = clock.now()) {
  const [memberships, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { establishmentId, status: { in: ['ACTIVE', 'PENDING'] } },
      include: {
        user: { select: { id: true, firstName: true, lastName: true, login: true, email: true, status: true } },
        classes: { select: { classRoom: { select: { id: true, name: true } } } },
      },
      orderBy: [{ createdAt: 'asc' }],
    }),
    prisma.invitation.findMany({
      where: { establishmentId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: 'desc' },
      include: { accessRequest: { select: { id: true } } },
    }),
  ]);
  const row = (m: (typeof memberships)[number]) => ({
    id: m.id, userId: m.user.id, name: person(m.user), email: m.user.email, role: m.role, since: m.approvedAt ?? m.createdAt,
    emailConfirmed: m.user.status === 'ACTIVE', classes: m.classes.map((c) => c.classRoom),
  });
  return {
    members: memberships.filter((m) => m.status === 'ACTIVE').map(row),
    pending: memberships.filter((m) => m.status === 'PENDING' && m.role !== 'PRINCIPAL').map(row),
    invitations: invitations.map((i) => ({
      id: i.id, email: i.email, role: i.staffRole, createdAt: i.createdAt, expiresAt: i.expiresAt, expired: i.expiresAt <= now,
      fromAccessRequest: !!i.accessRequest,
    })),
  };
}

/** Active professeurs principaux of the collège, to pick a class's PP. */
export function mainTeachers(establishmentId: string) {
  return prisma.membership
    .findMany({
      where: { establishmentId, status: 'ACTIVE', role: 'MAIN_TEACHER' },
      select: { id: true, user: { select: { firstName: true, lastName: true, login: true } } },
    })
    .then((rows) => rows.map((r) => ({ id: r.id, name: person(r.user) })).sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export async function pendingCount(establishmentId: string) {
  return prisma.membership.count({ where: { establishmentId, status: 'PENDING', role: { not: 'PRINCIPAL' } } });
}
