// Page guards, the one way: who is asking (lib/core/session), then
//   no platform on this host → notFound();  nobody signed in → redirect to this host's /connexion,
//   coming back to the page;  signed in but not allowed → the « Accès réservé » screen;  else the
//   actor's pieces, typed (user, member, site).
// The decision is a pure function (decideAccess), unit-tested; the guards only carry it out.
// Pages still scope their reads by owner: another collège's row is notFound() in the page.
//   const g = await requireMember('classes:manage', '/etablissement/classes');
//   if (!g.ok) return g.denied;
//   … g.member.establishmentId …
import 'server-only';
import { createElement, type ReactElement } from 'react';
import { notFound, redirect } from 'next/navigation';
import { AccessDenied, type AccessDeniedProps } from '../../components/ui/AccessDenied.tsx';
import type { Actor, CurrentMember, CurrentSite, CurrentUser } from './actor.ts';
import { PERMISSIONS, can, type Permission, type Role } from './permissions.ts';
import { signInPath } from './origin.ts';
import { getActor } from './session.ts';

export type Requirement =
  { kind: 'user' } | { kind: 'member'; permission: Permission } | { kind: 'site'; permission?: Permission | readonly Permission[] } | { kind: 'operator' };

export type AccessDecision = 'ok' | 'sign-in' | 'denied' | 'not-found';

export type GuardActor = Pick<Actor, 'user' | 'member' | 'site' | 'roles'>;

const permissionsOf = (p: Permission | readonly Permission[]): readonly Permission[] => (typeof p === 'string' ? [p] : p);

/**
 * What a page does for this person: the host first (a platform page on a host with no platform is
 * not found, even for nobody), then sign-in, then the permission. A site requirement with no
 * permission is a public platform page. A member requirement needs a collège membership that holds
 * the permission; a site one, any of the permissions on this host's platform (collège roles count:
 * `['enrolments:view-site', 'enrolments:create']` is « the platform's staff or a collège's team »).
 */
export function decideAccess(actor: GuardActor, requirement: Requirement): AccessDecision {
  if (requirement.kind === 'site') {
    if (!actor.site) return 'not-found';
    if (!requirement.permission) return 'ok';
  }
  if (!actor.user) return 'sign-in';
  switch (requirement.kind) {
    case 'user':
      return 'ok';
    case 'member':
      return actor.member && can(actor, requirement.permission) ? 'ok' : 'denied';
    case 'operator':
      return can(actor, 'platform:operate') ? 'ok' : 'denied';
    case 'site':
      return permissionsOf(requirement.permission ?? []).some((p) => can(actor, p)) ? 'ok' : 'denied';
  }
}

// ───────────────────────────── the « Accès réservé » screen ─────────────────────────────

const TEAM_ONLY = 'aux membres de l’équipe pédagogique d’un collège';
export const NOT_MEMBER_HINT =
  'Si vous venez de vous inscrire, votre chef d’établissement doit encore approuver votre inscription : vous recevrez un email dès que ce sera fait.';

/** Who a permission is for, by the exact set of roles that hold it (PERMISSIONS). */
const AUDIENCES: { roles: readonly Role[]; what: string }[] = [
  { roles: ['OPERATOR'], what: 'à l’équipe technique de la plateforme' },
  { roles: ['SITE_ADMIN'], what: 'aux administrateurs de la plateforme du lycée' },
  { roles: ['SITE_ADMIN', 'SITE_TEACHER'], what: 'aux enseignants et aux administrateurs de la plateforme du lycée' },
  { roles: ['PRINCIPAL', 'DEPUTY'], what: 'au chef d’établissement et à ses adjoints' },
  { roles: ['PRINCIPAL', 'DEPUTY', 'SECRETARY'], what: 'au chef d’établissement, à ses adjoints et au secrétariat' },
  { roles: ['PRINCIPAL', 'DEPUTY', 'SECRETARY', 'CPE'], what: 'au chef d’établissement, à ses adjoints, au secrétariat et à la vie scolaire' },
  {
    roles: ['PRINCIPAL', 'DEPUTY', 'SECRETARY', 'CPE', 'COUNSELOR'],
    what: 'à la direction, au secrétariat, à la vie scolaire et au psychologue de l’Éducation nationale',
  },
  { roles: ['MAIN_TEACHER'], what: 'aux professeurs principaux' },
  { roles: ['PRINCIPAL', 'DEPUTY', 'SITE_ADMIN'], what: 'aux chefs d’établissement et aux administrateurs des plateformes des lycées' },
  { roles: ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'], what: TEAM_ONLY },
];
const FALLBACK_AUDIENCE = 'aux personnes qui en ont la charge';

const sameSet = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

/** « Cette page est réservée … »: the audience of a permission. */
export function audienceOf(permission: Permission): string {
  const roles = PERMISSIONS[permission] as readonly Role[];
  return AUDIENCES.find((a) => sameSet(a.roles, roles))?.what ?? FALLBACK_AUDIENCE;
}

export type GuardOptions = {
  /** The page's own path (and query), to come back to after signing in. */
  path: string;
  /** Overrides the audience sentence (« à l’équipe technique de la plateforme »). */
  what?: string;
  hint?: string;
  back?: { href: string; label: string };
};

/** What the « Accès réservé » screen says to this person for this requirement. */
export function deniedProps(actor: GuardActor, requirement: Requirement, options: Omit<GuardOptions, 'path'> = {}): AccessDeniedProps {
  let what = FALLBACK_AUDIENCE;
  let hint: string | undefined;
  if (requirement.kind === 'operator') what = audienceOf('platform:operate');
  if (requirement.kind === 'member') {
    what = actor.member ? audienceOf(requirement.permission) : TEAM_ONLY;
    if (!actor.member) hint = NOT_MEMBER_HINT;
  }
  if (requirement.kind === 'site' && requirement.permission) {
    const perms = permissionsOf(requirement.permission);
    if (perms.length === 1) what = audienceOf(perms[0]);
  }
  return { what: options.what ?? what, hint: options.hint ?? hint, back: options.back };
}

// ───────────────────────────── the guards ─────────────────────────────

export type Denied = { ok: false; actor: Actor; denied: ReactElement };
export type UserPage = { ok: true; actor: Actor; user: CurrentUser };
export type MemberPage = UserPage & { member: CurrentMember };
export type SitePage = { ok: true; actor: Actor; site: CurrentSite; user: CurrentUser | null };
export type SiteStaffPage = UserPage & { site: CurrentSite };

const optionsOf = (at: string | GuardOptions): GuardOptions => (typeof at === 'string' ? { path: at } : at);

async function enforce(requirement: Requirement, at: GuardOptions | null): Promise<{ ok: true; actor: Actor } | Denied> {
  const actor = await getActor();
  const decision = decideAccess(actor, requirement);
  if (decision === 'not-found') notFound();
  if (decision === 'sign-in') redirect(signInPath(at?.path ?? '/'));
  if (decision === 'denied') {
    const props = deniedProps(actor, requirement, at ?? {});
    return { ok: false, actor, denied: createElement(AccessDenied, props) };
  }
  return { ok: true, actor };
}

/** Any signed-in person (redirected to sign in otherwise). */
export async function requireUser(path: string): Promise<UserPage> {
  const g = await enforce({ kind: 'user' }, { path });
  if (!g.ok) throw new Error('unreachable: a signed-in person is never denied');
  return { ok: true, actor: g.actor, user: g.actor.user! };
}

/** A member of a collège's team who holds `permission` (`'team:view'`: any member). */
export async function requireMember(permission: Permission, at: string | GuardOptions): Promise<MemberPage | Denied> {
  const g = await enforce({ kind: 'member', permission }, optionsOf(at));
  return g.ok ? { ok: true, actor: g.actor, user: g.actor.user!, member: g.actor.member! } : g;
}

/**
 * The platform of this host (notFound() on a host without one). With no permission: a public page.
 * With a permission (or several: any of them): signed in and allowed on this platform.
 */
export async function requireSite(): Promise<SitePage>;
export async function requireSite(permission: Permission | readonly Permission[], at: string | GuardOptions): Promise<SiteStaffPage | Denied>;
export async function requireSite(permission?: Permission | readonly Permission[], at?: string | GuardOptions): Promise<SitePage | SiteStaffPage | Denied> {
  const g = await enforce({ kind: 'site', permission }, at === undefined ? null : optionsOf(at));
  if (!g.ok) return g;
  return { ok: true, actor: g.actor, site: g.actor.site!, user: g.actor.user } as SitePage | SiteStaffPage;
}

/** The platform's technical team (platform:operate). */
export async function requireOperator(at: string | GuardOptions): Promise<UserPage | Denied> {
  const g = await enforce({ kind: 'operator' }, optionsOf(at));
  return g.ok ? { ok: true, actor: g.actor, user: g.actor.user! } : g;
}
