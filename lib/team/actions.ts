'use server';
// Server actions of the team: staff sign-up and invitation acceptance (public), invitations and
// approvals (chef d'établissement, per the permission table).
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { requestOrigin } from '../core/session.ts';
import { scopeOf } from '../core/scope.ts';
import { acceptWithExistingAccount, acceptWithNewAccount } from './accept.ts';
import { approveMembership, refuseMembership, removeMember } from './approvals.ts';
import { inviteStaff, resendInvitation, revokeInvitation } from './invitations.ts';
import { clientIp } from '../core/request.ts';
import { acceptExistingSchema, acceptNewSchema, chooseEstablishmentSchema, invitationIdSchema, inviteSchema, membershipIdSchema, staffSignUpSchema } from './schema.ts';
import { signUpStaff } from './signup.ts';
import { chooseEstablishment } from './acting.ts';

const TEAM = '/etablissement/equipe';

export async function signUpStaffAction(input: unknown) {
  return runAction(staffSignUpSchema, input, async (data) => signUpStaff({ data, origin: await requestOrigin(), ip: await clientIp() }), { auth: 'public' });
}

export async function inviteStaffAction(input: unknown) {
  return runAction(inviteSchema, input, async (data, actor) => {
    const result = await inviteStaff(scopeOf(actor, 'team:invite'), { ...data, origin: await requestOrigin() });
    revalidatePath(TEAM);
    return result;
  });
}

export async function resendInvitationAction(input: unknown) {
  return runAction(invitationIdSchema, input, async (data, actor) => {
    const result = await resendInvitation(scopeOf(actor, 'team:invite'), { ...data, origin: await requestOrigin() });
    revalidatePath(TEAM);
    return result;
  });
}

export async function revokeInvitationAction(input: unknown) {
  return runAction(invitationIdSchema, input, async (data, actor) => {
    const result = await revokeInvitation(scopeOf(actor, 'team:invite'), data);
    revalidatePath(TEAM);
    return result;
  });
}

export async function approveMembershipAction(input: unknown) {
  return runAction(membershipIdSchema, input, async (data, actor) => {
    const result = await approveMembership(scopeOf(actor, 'team:approve'), { ...data, origin: await requestOrigin() });
    revalidatePath(TEAM);
    return result;
  });
}

export async function refuseMembershipAction(input: unknown) {
  return runAction(membershipIdSchema, input, async (data, actor) => {
    const result = await refuseMembership(scopeOf(actor, 'team:approve'), data);
    revalidatePath(TEAM);
    return result;
  });
}

export async function removeMemberAction(input: unknown) {
  return runAction(membershipIdSchema, input, async (data, actor) => {
    const result = await removeMember(scopeOf(actor, 'team:approve'), data);
    revalidatePath(TEAM);
    return result;
  });
}

export async function acceptInvitationNewAction(input: unknown) {
  return runAction(acceptNewSchema, input, (data) => acceptWithNewAccount(data), { auth: 'public' });
}

export async function acceptInvitationExistingAction(input: unknown) {
  return runAction(acceptExistingSchema, input, (data) => acceptWithExistingAccount(data), { auth: 'public' });
}

/** The header's switch: act for another of one's collèges (every page follows). */
export async function chooseEstablishmentAction(input: unknown) {
  return runAction(chooseEstablishmentSchema, input, async (data, actor) => {
    const r = await chooseEstablishment(actor.user!.id, data.establishmentId);
    revalidatePath('/', 'layout');
    return r;
  });
}
