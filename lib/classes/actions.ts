'use server';
// Server actions of the classes pages: parse → actor → permission → service (scoped by the
// member's establishment, never by the client; pupils also by the member's reach) → revalidate.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { pupilScopeOf } from './access.ts';
import { scopeOf } from '../core/scope.ts';
import { detachPupil, movePupils, updateGuardians } from './pupils.ts';
import { assignTeachersSchema, classFormSchema, classIdSchema, movePupilsSchema, pupilIdSchema, updateClassSchema, updateGuardiansSchema } from './schema.ts';
import { assignMainTeachers, createClass, deleteClass, regenerateJoinCode, updateClass } from './service.ts';

const CLASSES = '/etablissement/classes';
const refresh = (...paths: string[]) => {
  for (const p of [CLASSES, '/etablissement', '/etablissement/eleves', '/ma-classe', ...paths]) revalidatePath(p);
};

export async function createClassAction(input: unknown) {
  return runAction(classFormSchema, input, async (data, actor) => {
    const room = await createClass(scopeOf(actor, 'classes:manage'), data);
    refresh();
    return { id: room.id, name: room.name };
  });
}

export async function updateClassAction(input: unknown) {
  return runAction(updateClassSchema, input, async (data, actor) => {
    const room = await updateClass(scopeOf(actor, 'classes:manage'), data);
    refresh(`${CLASSES}/${room.id}`);
    return { id: room.id, name: room.name, level: room.level };
  });
}

export async function deleteClassAction(input: unknown) {
  return runAction(classIdSchema, input, async (data, actor) => {
    const room = await deleteClass(scopeOf(actor, 'classes:manage'), data);
    refresh();
    return room;
  });
}

export async function assignTeachersAction(input: unknown) {
  return runAction(assignTeachersSchema, input, async (data, actor) => {
    const room = await assignMainTeachers(scopeOf(actor, 'classes:assign-teachers'), data);
    refresh(`${CLASSES}/${room.id}`, '/etablissement/equipe');
    return room;
  });
}

export async function regenerateJoinCodeAction(input: unknown) {
  return runAction(classIdSchema, input, async (data, actor) => {
    const room = await regenerateJoinCode(scopeOf(actor, 'classes:manage'), data);
    refresh(`${CLASSES}/${room.id}`);
    return room;
  });
}

export async function movePupilsAction(input: unknown) {
  return runAction(movePupilsSchema, input, async (data, actor) => {
    const result = await movePupils(pupilScopeOf(actor, 'manage'), data);
    refresh(`${CLASSES}/[id]`);
    return result;
  });
}

export async function detachPupilAction(input: unknown) {
  return runAction(pupilIdSchema, input, async (data, actor) => {
    const result = await detachPupil(pupilScopeOf(actor, 'manage'), data);
    refresh(`${CLASSES}/[id]`);
    return result;
  });
}

export async function updateGuardiansAction(input: unknown) {
  return runAction(updateGuardiansSchema, input, async (data, actor) => {
    const result = await updateGuardians(pupilScopeOf(actor, 'manage'), data);
    revalidatePath(`/etablissement/eleves/${result.id}`);
    return result;
  });
}
