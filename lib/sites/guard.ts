// The platform of the request's host, for the platform's actions (pages: requireSite of lib/core/guards.ts).
import type { Actor, CurrentSite } from '../core/actor.ts';
import { AppError } from '../core/errors.ts';

/** The host decides the platform: no platform on this host → not found (an action's error, not a page's 404). */
export function siteOf(actor: Actor): CurrentSite {
  if (!actor.site) throw new AppError('NOT_FOUND', 'Plateforme introuvable à cette adresse.');
  return actor.site;
}

/** What the person may see and do on this platform (for pages; actions still assertCan). */
export function siteAbilities(actor: Actor) {
  const roles = actor.roles;
  const staff = roles.includes('SITE_ADMIN') || roles.includes('SITE_TEACHER');
  return {
    staff,
    admin: roles.includes('SITE_ADMIN'),
    college: !!actor.member,
    signedIn: !!actor.user,
  };
}
