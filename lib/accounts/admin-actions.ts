'use server';
// Account actions of the establishment's managers (access requests) and of the platform operator.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { assertCan } from '../core/permissions.ts';
import { forbidden } from '../core/errors.ts';
import { requestOrigin } from '../core/session.ts';
import { declineAccessRequest, grantAccessRequest } from './access-requests.ts';
import { decideReview } from './reviews.ts';
import { declineAccessSchema, grantAccessSchema, operatorGrantSchema, reviewDecisionSchema } from './schema.ts';

export async function grantAccessRequestAction(input: unknown) {
  return runAction(grantAccessSchema, input, async (data, actor) => {
    assertCan(actor, 'access-requests:answer');
    if (!actor.member) throw forbidden();
    const result = await grantAccessRequest(
      { requestId: data.requestId, staffRole: data.staffRole, origin: await requestOrigin() },
      { userId: actor.user!.id, establishmentId: actor.member.establishmentId },
    );
    revalidatePath('/etablissement/demandes');
    return result;
  });
}

export async function declineAccessRequestAction(input: unknown) {
  return runAction(declineAccessSchema, input, async (data, actor) => {
    assertCan(actor, 'access-requests:answer');
    if (!actor.member) throw forbidden();
    await declineAccessRequest({ requestId: data.requestId }, { userId: actor.user!.id, establishmentId: actor.member.establishmentId });
    revalidatePath('/etablissement/demandes');
    return { declined: true };
  });
}

export async function operatorGrantAccessRequestAction(input: unknown) {
  return runAction(operatorGrantSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const result = await grantAccessRequest(
      { requestId: data.requestId, staffRole: data.staffRole, origin: await requestOrigin() },
      { userId: actor.user!.id, operator: true },
    );
    revalidatePath('/operateur/demandes');
    return result;
  });
}

export async function operatorDeclineAccessRequestAction(input: unknown) {
  return runAction(declineAccessSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    await declineAccessRequest({ requestId: data.requestId }, { userId: actor.user!.id, operator: true });
    revalidatePath('/operateur/demandes');
    return { declined: true };
  });
}

export async function decideRegistrationReviewAction(input: unknown) {
  return runAction(reviewDecisionSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const result = await decideReview({ ...data, reviewerId: actor.user!.id, origin: await requestOrigin() });
    revalidatePath('/operateur/inscriptions');
    return result;
  });
}
