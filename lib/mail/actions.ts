'use server';
// The operator's acts on the outbox: « Renvoyer » an email in trouble (operator only).
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { assertCan } from '../core/permissions.ts';
import { resendEmail } from './admin.ts';
import { resendEmailSchema } from './schema.ts';

export async function resendEmailAction(input: unknown) {
  return runAction(resendEmailSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const result = await resendEmail(data, { userId: actor.user!.id });
    revalidatePath('/operateur/courriels');
    return result;
  });
}
