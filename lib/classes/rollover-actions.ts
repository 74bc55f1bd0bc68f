'use server';
// The operator's school-year rollover: a dry run, then a run processed step by step by the page.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction } from '../core/action.ts';
import { hasControl } from '../core/text.ts';
import { assertCan } from '../core/permissions.ts';
import { rolloverStep, startRollover } from './rollover.ts';

const yearSchema = z.object({
  year: z.coerce.number({ error: "Choisissez l'année scolaire à clôturer." }).int().min(2000, 'Année non valide.').max(2100, 'Année non valide.'),
  dryRun: z.boolean().default(true),
});

export async function startRolloverAction(input: unknown) {
  return runAction(yearSchema, input, async (data, actor) => {
    assertCan(actor, 'platform:operate');
    const row = await startRollover({ year: data.year, dryRun: data.dryRun, actorId: actor.user!.id });
    revalidatePath('/operateur/rentree');
    return { id: row.id, dryRun: row.dryRun };
  });
}

export async function rolloverStepAction(input: unknown) {
  return runAction(
    z.object({
      rolloverId: z
        .string()
        .min(1)
        .max(40)
        .refine((v) => !hasControl(v), 'Clôture introuvable.'),
    }),
    input,
    async (data, actor) => {
      assertCan(actor, 'platform:operate');
      const progress = await rolloverStep(data.rolloverId);
      if (progress.finished) revalidatePath('/operateur/rentree');
      return progress;
    },
  );
}
