'use server';
// Platform actions (options, contacts, formations, teachers, team, invitations, the collège's
// information). The platform is always the request host's; ids from the client only name rows
// that are then looked up `where: { id, siteId }`.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { runAction } from '../core/action.ts';
import { forbidden } from '../core/errors.ts';
import { assertCan } from '../core/permissions.ts';
import { requestOrigin } from '../core/session.ts';
import { siteOf } from './guard.ts';
import {
  acceptInvitationSchema,
  contactSchema,
  deleteSchema,
  establishmentInfoSchema,
  formationSchema,
  invitationAccountSchema,
  inviteSchema,
  siteOptionsSchema,
  teacherSchema,
} from './schema.ts';
import { deleteContact, deleteFormation, deleteTeacher, saveContact, saveFormation, saveTeacher, updateSiteOptions, type SiteScope } from './service.ts';
import { acceptSiteInvitation, createAccountFromInvitation, inviteSiteStaff } from './invitations.ts';
import { infoEstablishmentOf, updateEstablishmentInfo } from './establishment-info.ts';

const refresh = () => revalidatePath('/', 'layout');

function managed<S extends z.ZodType, T>(schema: S, fn: (data: z.output<S>, scope: SiteScope) => Promise<T>) {
  return (input: unknown) =>
    runAction(schema, input, async (data, actor) => {
      const site = siteOf(actor);
      assertCan(actor, 'site:manage');
      const out = await fn(data, { siteId: site.id, actorId: actor.user!.id });
      refresh();
      return out;
    });
}

export async function updateSiteOptionsAction(input: unknown) {
  return managed(siteOptionsSchema, (d, scope) => updateSiteOptions(scope, d))(input);
}
export async function saveContactAction(input: unknown) {
  return managed(contactSchema, (d, scope) => saveContact(scope, d))(input);
}
export async function deleteContactAction(input: unknown) {
  return managed(deleteSchema, (d, scope) => deleteContact(scope, d.id))(input);
}
export async function saveFormationAction(input: unknown) {
  return managed(formationSchema, (d, scope) => saveFormation(scope, d))(input);
}
export async function deleteFormationAction(input: unknown) {
  return managed(deleteSchema, (d, scope) => deleteFormation(scope, d.id))(input);
}
export async function saveTeacherAction(input: unknown) {
  return managed(teacherSchema, (d, scope) => saveTeacher(scope, d))(input);
}
export async function deleteTeacherAction(input: unknown) {
  return managed(deleteSchema, (d, scope) => deleteTeacher(scope, d.id))(input);
}

/** A platform administrator invites a colleague (administrateur or enseignant). */
export async function inviteSiteStaffAction(input: unknown) {
  return runAction(inviteSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'site:invite');
    const out = await inviteSiteStaff({ siteId: site.id, email: data.email, role: data.role, invitedById: actor.user!.id, requestOrigin: await requestOrigin() });
    refresh();
    return out;
  });
}

export async function acceptSiteInvitationAction(input: unknown) {
  return runAction(acceptInvitationSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    return acceptSiteInvitation({ raw: data.token, siteId: site.id, user: { id: actor.user!.id, email: actor.user!.email } });
  });
}

export async function createAccountFromInvitationAction(input: unknown) {
  return runAction(
    invitationAccountSchema,
    input,
    async (data, actor) => {
      const site = siteOf(actor);
      if (actor.user) throw forbidden('Vous êtes déjà connecté : acceptez l’invitation avec votre compte, ou déconnectez-vous d’abord.');
      const out = await createAccountFromInvitation({
        raw: data.token,
        siteId: site.id,
        civility: data.civility,
        firstName: data.firstName,
        lastName: data.lastName,
        password: data.password,
      });
      return { email: out.email };
    },
    { auth: 'public' },
  );
}

/** A collège's team corrects its own « Informations de l'Établissement » (never another's). */
export async function updateEstablishmentInfoAction(input: unknown) {
  return runAction(establishmentInfoSchema, input, async (data, actor) => {
    // On a platform, its administrators correct their lycée's information; a collège's office, its collège's.
    const establishmentId = infoEstablishmentOf(actor);
    if (!establishmentId)
      throw forbidden(
        'Seuls les administrateurs de la plateforme (pour le lycée) et, au collège, le chef d’établissement, son adjoint et le secrétariat modifient ces informations.',
      );
    await updateEstablishmentInfo({ establishmentId, userId: actor.user!.id, info: data });
    refresh();
    return { ok: true };
  });
}
