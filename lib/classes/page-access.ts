// Page-side access: who is asking, redirected to sign-in when nobody is; pages show a French
// explanation (not a crash) when the person is not a member of a collège's team.
import 'server-only';
import { redirect } from 'next/navigation';
import { getActor, type Actor } from '../core/session.ts';
import { can, type Permission } from '../core/permissions.ts';
import type { CurrentMember } from '../core/actor.ts';

export type MemberPage = { actor: Actor; member: CurrentMember } | { actor: Actor; member: null };

/** Signed in (or redirected to /connexion), then the member holding `permission`, or null. */
export async function memberPage(path: string, permission: Permission = 'team:view'): Promise<MemberPage> {
  const actor = await getActor();
  if (!actor.user) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  if (!actor.member || !can(actor, permission)) return { actor, member: null };
  return { actor, member: actor.member };
}

export async function signedInPage(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor.user) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}
