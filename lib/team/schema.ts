// The team forms' rules (staff sign-up, invitations), shared by the browser and the server actions.
import { z } from 'zod';
import { PASSWORD_MESSAGES, emailSchema, passwordSchema } from '../accounts/schema.ts';
import { isAcademicAddress } from '../reference/academies.ts';
import { hasControl, personName } from '../core/text.ts';
import { STAFF_ROLE_LABELS } from '../core/permissions.ts';

/** The roles staff sign up or are invited with; the principal registers the collège itself. */
const INVITABLE_ROLES = ['MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY', 'DEPUTY'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];
const ROLES = [...INVITABLE_ROLES] as [InvitableRole, ...InvitableRole[]];

/** The team forms' words for a role: the collège's labels, the CPE's and the Psy-EN's with the usual abbreviation. */
const FORM_LABELS: Record<string, string> = { ...STAFF_ROLE_LABELS, CPE: "Conseiller principal d'éducation (CPE)", COUNSELOR: "Conseiller d'orientation (Psy-EN)" };

/** « Fonction » in the staff sign-up and invitation forms → the membership's role. */
export const STAFF_FUNCTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: FORM_LABELS[role] }));

export const roleLabel = (role: string) => (Object.hasOwn(FORM_LABELS, role) ? FORM_LABELS[role] : role);

export const ACADEMIC_MESSAGE = "Utilisez votre adresse académique (par exemple prenom.nom@ac-rennes.fr) : elle prouve que vous faites partie de l'Éducation nationale.";

const academicEmailSchema = emailSchema.refine((v) => isAcademicAddress(v), ACADEMIC_MESSAGE);

/** Names end up in the heads' emails and on the team page: no link, address, markup or control character. */
const name = (msg: string) => personName(msg);
const roleSchema = z.enum(ROLES, { error: 'Choisissez votre fonction dans la liste.' });

export const staffSignUpSchema = z
  .object({
    uai: z.string({ error: 'Choisissez votre établissement.' }).trim().min(1, 'Choisissez votre établissement.').max(8),
    lastName: name('Saisissez votre nom.'),
    firstName: name('Saisissez votre prénom.'),
    role: roleSchema,
    email: academicEmailSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: PASSWORD_MESSAGES.mismatch });
export type StaffSignUpInput = z.input<typeof staffSignUpSchema>;
export type StaffSignUpData = z.output<typeof staffSignUpSchema>;

/** Invitations: any address (a private collège's staff may have none on an académie's domain); public collèges check it in the service. */
export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { error: 'Choisissez la fonction de la personne invitée.' }),
});

/** An id from a page (never typed): control characters refused before the database (PostgreSQL refuses NUL). */
const rowId = (message: string) =>
  z
    .string()
    .min(1, message)
    .max(40, message)
    .refine((v) => !hasControl(v), message);
export const invitationIdSchema = z.object({ invitationId: rowId('Invitation introuvable.') });
export const membershipIdSchema = z.object({ membershipId: rowId('Membre introuvable.') });

const token = z.string({ error: 'Lien incomplet.' }).min(10, 'Lien incomplet.').max(200);

/** Accepting an invitation with a new account (the email comes from the invitation). */
export const acceptNewSchema = z
  .object({
    token,
    lastName: name('Saisissez votre nom.'),
    firstName: name('Saisissez votre prénom.'),
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: PASSWORD_MESSAGES.mismatch });
export type AcceptNewInput = z.input<typeof acceptNewSchema>;

/** Accepting with the account that already uses the invited address: its password proves it. */
export const acceptExistingSchema = z.object({ token, password: z.string().min(1, 'Saisissez votre mot de passe.').max(200) });
export type AcceptExistingInput = z.input<typeof acceptExistingSchema>;

export const chooseEstablishmentSchema = z.object({ establishmentId: z.string().trim().pipe(rowId('Choisissez un établissement.')) });
