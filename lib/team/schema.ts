// The team forms' rules (staff sign-up, invitations), shared by the browser and the server actions.
import { z } from 'zod';
import { PASSWORD_MESSAGES, emailSchema, passwordSchema } from '../accounts/schema.ts';
import { isAcademicAddress } from '../reference/academies.ts';
import { personName } from '../core/text.ts';

/** « Fonction » in the staff sign-up form → the membership's role. The principal registers the collège itself. */
export const STAFF_FUNCTIONS = [
  { role: 'MAIN_TEACHER', label: 'Professeur principal' },
  { role: 'TEACHER', label: 'Enseignant' },
  { role: 'CPE', label: "Conseiller principal d'éducation (CPE)" },
  { role: 'COUNSELOR', label: "Conseiller d'orientation (Psy-EN)" },
  { role: 'SECRETARY', label: 'Secrétariat' },
  { role: 'DEPUTY', label: "Chef d'établissement adjoint" },
] as const;
export type InvitableRole = (typeof STAFF_FUNCTIONS)[number]['role'];
const ROLES = STAFF_FUNCTIONS.map((f) => f.role) as [InvitableRole, ...InvitableRole[]];

export const roleLabel = (role: string) => STAFF_FUNCTIONS.find((f) => f.role === role)?.label ?? (role === 'PRINCIPAL' ? "Chef d'établissement" : role);

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

export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(40) });
export const membershipIdSchema = z.object({ membershipId: z.string().min(1).max(40) });

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
