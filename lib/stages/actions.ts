'use server';
// Stage actions: parse (zod) → who (session) → where (host) → may (permission table) → do (service).
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { assertCan } from '../core/permissions.ts';
import { requestOrigin } from '../core/session.ts';
import { siteOf } from '../sites/guard.ts';
import { cancelStageSchema, duplicateStageSchema, stageSchema, updateStageSchema } from './schema.ts';
import { cancelStage, createStage, updateStage } from './service.ts';
import { duplicateStage } from './duplicate.ts';

const refresh = () => revalidatePath('/', 'layout');

export async function createStageAction(input: unknown) {
  return runAction(stageSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'stages:publish');
    const result = await createStage({ siteId: site.id, userId: actor.user!.id, stage: data });
    refresh();
    return result;
  });
}

export async function updateStageAction(input: unknown) {
  return runAction(updateStageSchema, input, async ({ id, ...data }, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'stages:publish');
    const result = await updateStage({ siteId: site.id, userId: actor.user!.id, id, stage: data });
    refresh();
    return result;
  });
}

export async function duplicateStageAction(input: unknown) {
  return runAction(duplicateStageSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'stages:publish');
    const report = await duplicateStage({ siteId: site.id, userId: actor.user!.id, dup: data });
    refresh();
    return report;
  });
}

export async function cancelStageAction(input: unknown) {
  return runAction(cancelStageSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'stages:cancel');
    const result = await cancelStage({ siteId: site.id, userId: actor.user!.id, id: data.id, reason: data.reason, origin: await requestOrigin() });
    refresh();
    return result;
  });
}
