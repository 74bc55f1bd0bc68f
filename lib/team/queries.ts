// Read models of the team pages: members, people waiting for approval, invitations; the collège
// search and the collège of a staff sign-up.
import { prisma } from '../core/db.ts';
import * as clock from '../core/clock.ts';
import { displayName } from '../core/format.ts';
import { isValidUai, normalizeUai } from '../reference/uai.ts';
import { findCollegeByUai, teamSignUpOpen } from './establishments.ts';

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
    id: m.id,
    userId: m.user.id,
    name: displayName(m.user),
    email: m.user.email,
    role: m.role,
    since: m.approvedAt ?? m.createdAt,
    emailConfirmed: m.user.status === 'ACTIVE',
    classes: m.classes.map((c) => c.classRoom),
  });
  return {
    members: memberships.filter((m) => m.status === 'ACTIVE').map(row),
    pending: memberships.filter((m) => m.status === 'PENDING' && m.role !== 'PRINCIPAL').map(row),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.staffRole,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      expired: i.expiresAt <= now,
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
    .then((rows) => rows.map((r) => ({ id: r.id, name: displayName(r.user) })).sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export async function pendingCount(establishmentId: string) {
  return prisma.membership.count({ where: { establishmentId, status: 'PENDING', role: { not: 'PRINCIPAL' } } });
}

/** « Mon établissement »: the counts of the team (active members, sign-ups to approve, professeurs principaux). */
export async function teamCounts(establishmentId: string) {
  const [members, pending, mainTeachers] = await Promise.all([
    prisma.membership.count({ where: { establishmentId, status: 'ACTIVE' } }),
    pendingCount(establishmentId),
    prisma.membership.count({ where: { establishmentId, status: 'ACTIVE', role: 'MAIN_TEACHER' } }),
  ]);
  return { members, pending, mainTeachers };
}

/** « Je suis membre de l’équipe pédagogique »: the collège of a UAI and whether its team may sign up yet. */
export async function staffSignUpCollege(uai: string) {
  const college = uai ? await findCollegeByUai(prisma, uai) : null;
  return { college, open: college ? await teamSignUpOpen(prisma, college) : false };
}

export type CollegeSummary = { id: string; uai: string; name: string; city: string | null; postalCode: string | null; registered: boolean };

const collegeSelect = { id: true, uai: true, name: true, city: true, postalCode: true, registeredAt: true } as const;
const summary = (e: { id: string; uai: string; name: string; city: string | null; postalCode: string | null; registeredAt: Date | null }): CollegeSummary => ({
  id: e.id,
  uai: e.uai,
  name: e.name,
  city: e.city,
  postalCode: e.postalCode,
  registered: !!e.registeredAt,
});

/** By UAI, or by words of the name / commune / postal code (every word must match). Open collèges only. */
export async function searchColleges(q: string, options: { registeredOnly?: boolean; limit?: number } = {}): Promise<CollegeSummary[]> {
  const query = q.trim().slice(0, 100);
  if (query.length < 2) return [];
  const base = { kind: 'COLLEGE' as const, open: true, ...(options.registeredOnly ? { registeredAt: { not: null } } : {}) };
  if (isValidUai(query)) {
    const e = await prisma.establishment.findFirst({ where: { ...base, uai: normalizeUai(query) }, select: collegeSelect });
    return e ? [summary(e)] : [];
  }
  const words = query
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 5);
  const rows = await prisma.establishment.findMany({
    where: {
      ...base,
      AND: words.map((w) => ({
        OR: [{ name: { contains: w, mode: 'insensitive' as const } }, { city: { contains: w, mode: 'insensitive' as const } }, { postalCode: { startsWith: w } }],
      })),
    },
    select: collegeSelect,
    orderBy: [{ city: 'asc' }, { name: 'asc' }],
    take: options.limit ?? 20,
  });
  return rows.map(summary);
}

/** The collèges where this user's sign-up waits for the chef d’établissement's approval (the portal's home says so). */
export async function pendingMembershipsOf(userId: string) {
  const rows = await prisma.membership.findMany({
    where: { userId, status: 'PENDING' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, establishment: { select: { name: true, city: true } } },
  });
  return rows.map((r) => ({ id: r.id, establishment: r.establishment.name, city: r.establishment.city }));
}
