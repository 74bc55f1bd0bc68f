'use server';
// Pupils' own actions: sign up (public), join a class with its code, fill in their guardians.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction } from '../core/action.ts';
import { forbidden } from '../core/errors.ts';
import { requestOrigin } from '../core/session.ts';
import { clientIp } from '../core/request.ts';
import type { Actor } from '../core/actor.ts';
import { joinClassSchema, pupilSignUpSchema } from './pupil-schema.ts';
import { guardiansSchema } from './schema.ts';
import { joinClassWithCode, updateOwnGuardians } from './self.ts';
import { signUpPupil } from './signup.ts';

export async function signUpPupilAction(input: unknown) {
  return runAction(pupilSignUpSchema, input, async (data) => signUpPupil({ data, origin: await requestOrigin(), ip: await clientIp() }), { auth: 'public' });
}

const self = (actor: Actor) => {
  if (!actor.user || !actor.pupil) throw forbidden('Cette page est réservée aux élèves connectés avec leur compte.');
  return { userId: actor.user.id, pupilId: actor.pupil.id };
};

export async function joinClassAction(input: unknown) {
  return runAction(joinClassSchema, input, async (data, actor) => {
    const result = await joinClassWithCode(self(actor), data);
    revalidatePath('/ma-classe');
    return result;
  });
}

export async function updateOwnGuardiansAction(input: unknown) {
  return runAction(z.object({ guardians: guardiansSchema }), input, async (data, actor) => {
    const result = await updateOwnGuardians(self(actor), data);
    revalidatePath('/ma-classe');
    return result;
  });
}
