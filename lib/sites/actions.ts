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
import { requireSite } from './guard.ts';
import {
  acceptInvitationSchema, contactSchema, deleteSchema, establishmentInfoSchema, formationSchema, invitationAccountSchema, inviteSchema,
  siteOptionsSchema, teacherSchema,
} from './schema.ts';
import { deleteContact, deleteFormation, deleteTeacher, saveContact, saveFormation, saveTeacher, updateSiteOptions } from './service.ts';
import { acceptSiteInvitation, createAccountFromInvitation, inviteSiteStaff } from './invitations.ts';
import { updateEstablishmentInfo } from './establishment-info.ts';

const refresh = () => revalidatePath('/', 'layout');

function managed<S extends z.ZodType, T>(schema: S, fn: (data: z.output<S>, siteId: string) => Promise<T>) {
  return (input: unknown) =>
    runAction(schema, input, async (data, actor) => {
      const site = requireSite(actor);
      assertCan(actor, 'site:manage');
      const out = await fn(data, site.id);
      refresh();
      return out;
    });
}

export async function updateSiteOptionsAction(input: unknown) {
  return managed(siteOptionsSchema, (d, siteId) => updateSiteOptions(siteId, d))(input);
}
export async function saveContactAction(input: unknown) {
  return managed(contactSchema, (d, siteId) => saveContact(siteId, d))(input);
}
export async function deleteContactAction(input: unknown) {
  return managed(deleteSchema, (d, siteId) => deleteContact(siteId, d.id))(input);
}
export async function saveFormationAction(input: unknown) {
  return managed(formationSchema, (d, siteId) => saveFormation(siteId, d))(input);
}
export async function deleteFormationAction(input: unknown) {
  return managed(deleteSchema, (d, siteId) => deleteFormation(siteId, d.id))(input);
}
export async function saveTeacherAction(input: unknown) {
  return managed(teacherSchema, (d, siteId) => saveTeacher(siteId, d))(input);
}
export async function deleteTeacherAction(input: unknown) {
  return managed(deleteSchema, (d, siteId) => deleteTeacher(siteId, d.id))(input);
}

/** A platform administrator invites a colleague (administrateur or enseignant). */
export async function inviteSiteStaffAction(input: unknown) {
  return runAction(inviteSchema, input, async (data, actor) => {
    const site = requireSite(actor);
    assertCan(actor, 'site:invite');
    const out = await inviteSiteStaff({ siteId: site.id, email: data.email, role: data.role, invitedById: actor.user!.id, requestOrigin: await requestOrigin() });
    refresh();
    return out;
  });
}

export async function acceptSiteInvitationAction(input: unknown) {
  return runAction(acceptInvitationSchema, input, async (data, actor) => {
    const site = requireSite(actor);
    return acceptSiteInvitation({ raw: data.token, siteId: site.id, user: { id: actor.user!.id, email: actor.user!.email } });
  });
}

export async function createAccountFromInvitationAction(input: unknown) {
  return runAction(
    invitationAccountSchema,
    input,
    async (data, actor) => {
      const site = requireSite(actor);
      if (actor.user) throw forbidden('Vous êtes déjà connecté : acceptez l’invitation avec votre compte, ou déconnectez-vous d’abord.');
      const out = await createAccountFromInvitation({ raw: data.token, siteId: site.id, civility: data.civility, firstName: data.firstName, lastName: data.lastName, password: data.password });
      return { email: out.email };
    },
    { auth: 'public' },
  );
}

/** A collège's team corrects its own « Informations de l'Établissement » (never another's). */
export async function updateEstablishmentInfoAction(input: unknown) {
  return runAction(establishmentInfoSchema, input, async (data, actor) => {
    assertCan(actor, 'establishment:edit-info');
    if (!actor.member) throw forbidden();
    await updateEstablishmentInfo({ establishmentId: actor.member.establishmentId, userId: actor.user!.id, info: data });
    refresh();
    return { ok: true };
  });
}
