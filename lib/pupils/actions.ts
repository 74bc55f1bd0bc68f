'use server';
// « Effacer les données de l'élève » (the head of the collège, `pupils:data`): parse → actor →
// permission and establishment from the session → lib/classes/pupil-data.ts → revalidate.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { scopeOf } from '../core/scope.ts';
import { erasePupil } from '../classes/pupil-data.ts';
import { erasePupilSchema } from './schema.ts';

export async function erasePupilAction(input: unknown) {
  return runAction(erasePupilSchema, input, async (data, actor) => {
    const result = await erasePupil(scopeOf(actor, 'pupils:data'), data);
    for (const p of ['/etablissement', '/etablissement/eleves', '/etablissement/classes', '/etablissement/classes/[id]', '/ma-classe']) revalidatePath(p);
    return result;
  });
}
