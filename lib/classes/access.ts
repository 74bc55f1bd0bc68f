// Pupils: the permission becomes a *reach* (the whole collège, or the classes one is professeur
// principal of) that every pupil query puts in its `where`: a pupil out of reach is not found.
import type { Actor } from '../core/actor.ts';
import { forbidden } from '../core/errors.ts';
import { can, type RoleHolder } from '../core/permissions.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Scope } from '../core/scope.ts';

// ── Pupils ──

type Reach = 'all' | 'own-class';
/** How far a person reaches the collège's pupils, to read and to change (null: not at all). */
export type PupilAccess = { view: Reach | null; manage: Reach | null };

export function pupilAccess(holder: RoleHolder): PupilAccess {
  const manage: Reach | null = can(holder, 'pupils:manage-all') ? 'all' : can(holder, 'pupils:manage-own-class') ? 'own-class' : null;
  const view: Reach | null = can(holder, 'pupils:view-all') || manage === 'all' ? 'all' : manage;
  return { view, manage };
}

/**
 * Whose pupils: the collège (always) and, unless `wholeCollege`, only the pupils of the classes whose
 * professeur principal is `membershipId`. Built from the session, never from the client.
 */
export type PupilReach = { establishmentId: string; membershipId: string; wholeCollege: boolean };
export type PupilScope = Scope & PupilReach;

const USE_MESSAGE = {
  view: "Les élèves ne sont visibles que de la direction, du secrétariat, de la vie scolaire, du psychologue de l'Éducation nationale et, pour leurs classes, des professeurs principaux.",
  manage:
    "Seuls la direction, le secrétariat, la vie scolaire et, pour leurs classes, les professeurs principaux peuvent changer la classe d'un élève, le retirer ou renseigner ses responsables légaux.",
};

/** The reach of the actor's pupils for this use, or null when they have none. */
export function pupilReachOf(actor: Actor, use: 'view' | 'manage'): PupilScope | null {
  const reach = pupilAccess(actor)[use];
  if (!reach || !actor.member || !actor.user) return null;
  return { establishmentId: actor.member.establishmentId, actorId: actor.user.id, membershipId: actor.member.membershipId, wholeCollege: reach === 'all' };
}

/** Throws FORBIDDEN (with who may) unless the actor reaches some pupils for this use. */
export function pupilScopeOf(actor: Actor, use: 'view' | 'manage'): PupilScope {
  const scope = pupilReachOf(actor, use);
  if (!scope) throw forbidden(USE_MESSAGE[use]);
  return scope;
}

/** The link « professeur principal of this class » of the acting member (an active membership). */
export const ownTeacherLink = (reach: Pick<PupilReach, 'membershipId'>): Prisma.ClassTeacherWhereInput => ({
  membershipId: reach.membershipId,
  membership: { status: 'ACTIVE' },
});

/** The classes one is professeur principal of: the `where` of a class in a PP's reach. */
export const ownClassWhere = (reach: Pick<PupilReach, 'membershipId'>): Prisma.ClassRoomWhereInput => ({ teachers: { some: ownTeacherLink(reach) } });

/** The `where` of the pupils in reach (never an anonymised one). */
export function pupilsInReach(reach: PupilReach): Prisma.PupilWhereInput {
  return {
    establishmentId: reach.establishmentId,
    anonymisedAt: null,
    ...(reach.wholeCollege ? {} : { classRoom: { establishmentId: reach.establishmentId, ...ownClassWhere(reach) } }),
  };
}

/**
 * The same reach as `pupilsInReach`, as an SQL condition on the pupil row aliased `p`, for the raw
 * queries of the hot paths (« Inscrire un stagiaire »). tests/integration/pupil-reach-sql.test.ts
 * checks that both select the same pupils.
 */
export function pupilsInReachSql(reach: PupilReach): Prisma.Sql {
  const base = Prisma.sql`p."establishmentId" = ${reach.establishmentId} AND p."anonymisedAt" IS NULL`;
  if (reach.wholeCollege) return base;
  return Prisma.sql`${base} AND EXISTS (
    SELECT 1 FROM "ClassRoom" c
    JOIN "ClassTeacher" ct ON ct."classRoomId" = c."id"
    JOIN "Membership" m ON m."id" = ct."membershipId"
    WHERE c."id" = p."classRoomId" AND c."establishmentId" = ${reach.establishmentId} AND ct."membershipId" = ${reach.membershipId} AND m."status" = 'ACTIVE')`;
}
