'use server';
// The platform operator's actions: create a lycée's platform, keep its domains, invite its staff.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { assertCan } from '../core/permissions.ts';
import { requestOrigin } from '../core/session.ts';
import { operatorInviteSchema, platformSchema, platformUpdateSchema } from './schema.ts';
import { createPlatform, updatePlatform } from './platforms.ts';
import { inviteSiteStaff } from './invitations.ts';

export async function createPlatformAction(input: unknown) {
  return runAction(platformSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const site = await createPlatform(data, actor.user!.id);
    revalidatePath('/operateur/plateformes');
    return site;
  });
}

export async function updatePlatformAction(input: unknown) {
  return runAction(platformUpdateSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const site = await updatePlatform(data, actor.user!.id);
    revalidatePath('/operateur/plateformes');
    return site;
  });
}

export async function operatorInviteAction(input: unknown) {
  return runAction(operatorInviteSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const out = await inviteSiteStaff({ siteId: data.siteId, email: data.email, role: data.role, invitedById: actor.user!.id, requestOrigin: await requestOrigin() });
    revalidatePath(`/operateur/plateformes/${data.siteId}`);
    return out;
  });
}
