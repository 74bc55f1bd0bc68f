// Who is asking, and where, read from the database: memberships are read fresh on every request.
// No Next.js imports here: lib/core/session.ts feeds it the session and the host; tests call it directly.
import { prisma } from './db.ts';
import { env } from './env.ts';
import { displayName } from './format.ts';
import { siteByDomain, siteBySlug } from './site-cache.ts';
import { parseHost, type Tenant } from './tenant.ts';
import type { Role, StaffRoleName } from './permissions.ts';

export type CurrentUser = {
  id: string;
  login: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string;
  isOperator: boolean;
  /** The account's address is proven (activation link): convocations go out only then. */
  emailVerified: boolean;
  /** The collège chosen in the header's switch (lib/core/actor.ts picks the membership). */
  actingEstablishmentId: string | null;
};

export type CurrentSite = { id: string; name: string; slug: string; establishmentId: string; host: string };

/** The person's place in their collège (one active membership) — null for others. */
export type CurrentMember = {
  membershipId: string;
  establishmentId: string;
  establishmentName: string;
  establishmentUai: string;
  role: StaffRoleName;
};

export type Actor = {
  user: CurrentUser | null;
  member: CurrentMember | null;
  /** Every collège this person is an active member of (two or more: the header offers a switch). */
  memberships: { establishmentId: string; establishmentName: string; establishmentUai: string }[];
  pupil: { id: string; establishmentId: string | null; classRoomId: string | null } | null;
  site: CurrentSite | null;
  tenant: Tenant | null;
  /** Every role this person holds here: collège role, site role on the current host, operator. */
  roles: Role[];
  /** The request carried a session cookie that no longer opens a session (lib/core/session.ts). */
  staleSession?: boolean;
};

/** The signed-in person, or null when the account is not active or the session predates a password reset. */
export async function loadUser(userId: string, sessionVersion?: number): Promise<CurrentUser | null> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.status !== 'ACTIVE') return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    login: user.login,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    name: displayName(user),
    isOperator: user.isOperator,
    emailVerified: !!(user.email && user.emailVerified),
    actingEstablishmentId: user.actingEstablishmentId,
  };
}

export async function findSiteByHost(rawHost: string): Promise<CurrentSite | null> {
  const tenant = parseHost(rawHost, env.rootDomain);
  if (!tenant || tenant.kind === 'root') return null;
  const site = tenant.kind === 'subdomain' ? await siteBySlug(tenant.slug) : await siteByDomain(tenant.host);
  if (!site || !site.active) return null;
  return { id: site.id, name: site.name, slug: site.slug, establishmentId: site.establishmentId, host: tenant.host };
}

type PersonRow = {
  id: string;
  login: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  status: string;
  isOperator: boolean;
  sessionVersion: number;
  emailVerified: Date | null;
  actingEstablishmentId: string | null;
  memberships: { id: string; establishmentId: string; role: StaffRoleName; name: string; uai: string }[];
  pupil: { id: string; establishmentId: string | null; classRoomId: string | null; anonymised: boolean } | null;
  siteRoles: { siteId: string; role: 'ADMIN' | 'TEACHER' }[];
};

/**
 * The person and every place they hold, in one statement (a request's actor is read on every page
 * and action): the account, its active memberships (oldest first) with their collège, the pupil
 * record, the platform roles.
 */
async function loadPerson(userId: string): Promise<PersonRow | null> {
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT u.id, u.login, u.email, u."firstName", u."lastName", u.status::text AS status, u."isOperator",
           u."sessionVersion", u."emailVerified", u."actingEstablishmentId",
           COALESCE((SELECT json_agg(json_build_object('id', m.id, 'establishmentId', m."establishmentId", 'role', m.role,
                                                       'name', e.name, 'uai', e.uai) ORDER BY m."createdAt", m.id)
                       FROM "Membership" m JOIN "Establishment" e ON e.id = m."establishmentId"
                      WHERE m."userId" = u.id AND m.status = 'ACTIVE'), '[]'::json) AS memberships,
           (SELECT json_build_object('id', p.id, 'establishmentId', p."establishmentId", 'classRoomId', p."classRoomId",
                                     'anonymised', p."anonymisedAt" IS NOT NULL)
              FROM "Pupil" p WHERE p."userId" = u.id) AS pupil,
           COALESCE((SELECT json_agg(json_build_object('siteId', sm."siteId", 'role', sm.role))
                       FROM "SiteMembership" sm WHERE sm."userId" = u.id), '[]'::json) AS "siteRoles"
      FROM "User" u
     WHERE u.id = ${userId}`;
  return rows[0] ?? null;
}

/** Builds the actor from a session's user id (or none) and the request's host: two statements, at once. */
export async function loadActor(input: { userId?: string | null; sessionVersion?: number; host: string | null }): Promise<Actor> {
  const tenant = parseHost(input.host, env.rootDomain);
  const [person, site] = await Promise.all([input.userId ? loadPerson(input.userId) : null, tenant && tenant.kind !== 'root' ? findSiteByHost(tenant.host) : null]);
  const current = person && person.status === 'ACTIVE' && (input.sessionVersion === undefined || person.sessionVersion === input.sessionVersion);
  if (!person || !current) return { user: null, member: null, memberships: [], pupil: null, site, tenant, roles: [] };
  const user: CurrentUser = {
    id: person.id,
    login: person.login,
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    name: displayName(person),
    isOperator: person.isOperator,
    emailVerified: !!(person.email && person.emailVerified),
    actingEstablishmentId: person.actingEstablishmentId,
  };
  const memberships = person.memberships;
  // Several collèges: the one chosen in the header's switch (User.actingEstablishmentId), else the oldest.
  const membership = memberships.find((m) => m.establishmentId === user.actingEstablishmentId) ?? memberships[0] ?? null;
  const roles: Role[] = [];
  const member: CurrentMember | null = membership
    ? {
        membershipId: membership.id,
        establishmentId: membership.establishmentId,
        role: membership.role,
        establishmentName: membership.name,
        establishmentUai: membership.uai,
      }
    : null;
  if (member) roles.push(member.role);
  const pupil = person.pupil;
  const activePupil = pupil && !pupil.anonymised ? { id: pupil.id, establishmentId: pupil.establishmentId, classRoomId: pupil.classRoomId } : null;
  if (activePupil) roles.push('PUPIL');
  const siteRole = site ? person.siteRoles.find((r) => r.siteId === site.id)?.role : undefined;
  if (siteRole) roles.push(siteRole === 'ADMIN' ? 'SITE_ADMIN' : 'SITE_TEACHER');
  // The operator's powers live on the portal only: a platform host (a custom domain whose DNS is not
  // ours) never carries them.
  if (user.isOperator && (!tenant || tenant.kind === 'root')) roles.push('OPERATOR');
  const choices = memberships.map((m) => ({ establishmentId: m.establishmentId, establishmentName: m.name, establishmentUai: m.uai }));
  return { user, member, memberships: choices, pupil: activePupil, site, tenant, roles };
}
