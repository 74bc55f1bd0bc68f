// The accounts forms' rules, shared by the browser (zodResolver) and the server actions.
import { z } from 'zod';
import { isAcademicAddress } from '../reference/academies.ts';
import { uaiSchema } from '../reference/uai.ts';
import { PASSWORD_MIN_LENGTH } from '../core/password-rules.ts';
import { CONTROL_MESSAGE, hasControl, personName } from '../core/text.ts';

export const PASSWORD_MESSAGES = {
  short: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  long: 'Le mot de passe ne doit pas dépasser 200 caractères.',
  mismatch: 'Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe deux fois.',
} as const;

export const passwordSchema = z.string({ error: PASSWORD_MESSAGES.short }).min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.short).max(200, PASSWORD_MESSAGES.long);

export const emailSchema = z
  .string({ error: 'Saisissez une adresse email.' })
  .trim()
  .min(1, 'Saisissez une adresse email.')
  .max(254, 'Adresse email trop longue.')
  .pipe(z.email({ error: "Cette adresse email n'est pas valide (exemple : prenom.nom@ac-rennes.fr)." }))
  .transform((v) => v.toLowerCase());

/** Functions proposed to the person who registers the establishment (they all get the manager account). */
export const MANAGER_FUNCTIONS = ["Chef d'établissement", "Chef d'établissement adjoint", 'Directeur ou directrice', 'Secrétariat de direction', 'Gestionnaire'] as const;

export const CIVILITIES = ['M.', 'Mme'] as const;

/** The confirmation is compared as soon as both passwords are there, even while other fields are wrong. */
const samePasswords = {
  path: ['passwordConfirm'],
  message: PASSWORD_MESSAGES.mismatch,
  when: (payload: { value: unknown }) => {
    const v = payload.value as { password?: unknown; passwordConfirm?: unknown } | undefined;
    return typeof v?.password === 'string' && typeof v?.passwordConfirm === 'string';
  },
};

export const registrationSchema = z
  .object({
    uai: uaiSchema,
    civility: z.enum(CIVILITIES, { error: 'Choisissez votre civilité.' }),
    lastName: personName('Saisissez votre nom.'),
    firstName: personName('Saisissez votre prénom.'),
    function: z.enum(MANAGER_FUNCTIONS, { error: 'Choisissez votre fonction dans l’établissement.' }),
    /** Only for an establishment without any address in the directory (reviewed by the operator). */
    email: z.union([z.literal(''), emailSchema]).optional(),
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.passwordConfirm, samePasswords);
export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationData = z.output<typeof registrationSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Saisissez votre adresse email (ou votre identifiant).').max(254),
  password: z.string().min(1, 'Saisissez votre mot de passe.').max(200),
  remember: z.boolean().optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

/** « Vous n'avez pas reçu le message d'activation ? »: the identifier (an email address or a login). */
export const resendActivationSchema = z.object({
  identifier: z
    .string()
    .trim()
    .min(1, 'Saisissez votre adresse email (votre identifiant).')
    .max(254)
    .refine((v) => !hasControl(v), 'Saisissez votre adresse email (votre identifiant).')
    .transform((v) => v.toLowerCase()),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10, 'Lien incomplet.').max(200),
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.passwordConfirm, samePasswords);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Saisissez votre mot de passe actuel.').max(200),
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.passwordConfirm, samePasswords);

export const activationSchema = z.object({
  token: z.string().min(10).max(200),
  password: z
    .string({ error: 'Saisissez le mot de passe choisi lors de votre inscription.' })
    .min(1, 'Saisissez le mot de passe choisi lors de votre inscription.')
    .max(200),
});

// ── Forgotten identifier → « demande de création de compte » ──
const ACADEMIC_EMAIL_MESSAGE = 'Saisissez votre adresse email académique (par exemple prenom.nom@ac-rennes.fr) : les autres adresses ne sont pas acceptées.';

export const accessRequestSchema = z.object({
  uai: uaiSchema,
  lastName: personName('Saisissez votre nom.'),
  firstName: personName('Saisissez votre prénom.'),
  function: personName('Saisissez votre fonction dans l’établissement (par exemple : professeur principal de 3e B).', 120),
  email: emailSchema.refine((v) => isAcademicAddress(v), ACADEMIC_EMAIL_MESSAGE),
});
export type AccessRequestInput = z.input<typeof accessRequestSchema>;

/** An id from a page (never typed): control characters refused before the database (PostgreSQL refuses NUL). */
const rowId = z
  .string()
  .min(1, 'Demande introuvable.')
  .max(64, 'Demande introuvable.')
  .refine((v) => !hasControl(v), 'Demande introuvable.');

export const GRANTABLE_ROLES = ['DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'] as const;

export const grantAccessSchema = z.object({
  requestId: rowId,
  staffRole: z.enum(GRANTABLE_ROLES, { error: 'Choisissez le rôle à donner à cette personne.' }),
});

export const declineAccessSchema = z.object({ requestId: rowId });

export const reviewDecisionSchema = z.object({
  reviewId: rowId,
  decision: z.enum(['APPROVE', 'REFUSE']),
  reason: z
    .string()
    .trim()
    .max(500, '500 caractères au maximum.')
    .refine((v) => !hasControl(v), CONTROL_MESSAGE)
    .optional(),
});

/** The operator may also invite the establishment's own ce.<uai> address as its chef d'établissement. */
export const operatorGrantSchema = z.object({
  requestId: rowId,
  staffRole: z.enum(['PRINCIPAL', ...GRANTABLE_ROLES], { error: 'Choisissez le rôle à donner à cette personne.' }),
});
