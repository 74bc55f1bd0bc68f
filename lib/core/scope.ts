// The acting collège member: permission checked, establishment taken from the session (never the
// client). Every area that acts for a collège (team, classes, enrolments) starts from it.
import type { Actor, CurrentMember } from './actor.ts';
import { forbidden } from './errors.ts';
import { assertCan, type Permission } from './permissions.ts';

export type Scope = { establishmentId: string; actorId: string };

/** Throws FORBIDDEN unless the actor holds the permission through a membership of a collège. */
function memberFor(actor: Actor, permission: Permission): CurrentMember & { userId: string } {
  assertCan(actor, permission);
  if (!actor.member || !actor.user) throw forbidden();
  return { ...actor.member, userId: actor.user.id };
}

export function scopeOf(actor: Actor, permission: Permission): Scope {
  const m = memberFor(actor, permission);
  return { establishmentId: m.establishmentId, actorId: m.userId };
}
