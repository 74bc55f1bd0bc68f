// Zod schemas of the platform forms (options, contacts, formations, teachers, invitations, the
// operator's platform form, the collège's « Informations de l'Établissement »), shared by the
// browser and the server actions.
import { z } from 'zod';
import { normalizeHost } from '../core/tenant.ts';
import { uaiError } from '../reference/uai.ts';
import { RESERVED_SLUGS, SLUG_RE } from './urls.ts';
import { CONTROL_MESSAGE, hasControl } from '../core/text.ts';

/** Same as lib/accounts/password.ts (not imported: it needs node:crypto, and this file reaches the browser). */
const PASSWORD_MIN_LENGTH = 12;

export const FORMATION_TYPES = ['Bac pro', 'CAP', '2nde GT', 'Bac techno', 'BTS', 'Mention complémentaire'] as const;

const id = z
  .string()
  .trim()
  .min(1, 'Élément introuvable.')
  .max(40, 'Élément introuvable.')
  .refine((v) => !hasControl(v), 'Élément introuvable.');
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} tient en ${max} caractères.`)
    .refine((v) => !hasControl(v), CONTROL_MESSAGE);
const requiredText = (max: number, missing: string, what: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${what} tient en ${max} caractères.`)
    .refine((v) => !hasControl(v), CONTROL_MESSAGE);
const optionalEmail = z
  .string()
  .trim()
  .max(254, 'Adresse email trop longue.')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Adresse email invalide (exemple : prenom.nom@ac-rennes.fr).');
const optionalPhone = z
  .string()
  .trim()
  .max(30, 'Numéro trop long.')
  .refine((v) => v === '' || /^[+0-9][0-9 .()-]{5,}$/.test(v), 'Numéro de téléphone invalide (exemple : 02 99 00 00 00).');
const optionalUrl = z
  .string()
  .trim()
  .max(500, 'Adresse trop longue.')
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'Indiquez une adresse web complète, commençant par https://');

export const siteOptionsSchema = z.object({
  name: requiredText(120, 'Indiquez le nom de la plateforme.', 'Le nom'),
  logoUrl: optionalUrl,
  conventionReturn: optionalText(1000, 'Le retour des conventions'),
  conventionText: optionalText(4000, 'Le texte des conventions'),
});

export const contactSchema = z.object({
  id: z
    .string()
    .trim()
    .max(40)
    .refine((v) => !hasControl(v), 'Élément introuvable.')
    .optional(),
  name: requiredText(120, 'Indiquez le nom du contact.', 'Le nom'),
  role: requiredText(120, 'Indiquez sa fonction (par exemple DDFPT).', 'La fonction'),
  email: optionalEmail,
  phone: optionalPhone,
  position: z.number().int().min(0).max(999),
});

export const formationSchema = z.object({
  id: z
    .string()
    .trim()
    .max(40)
    .refine((v) => !hasControl(v), 'Élément introuvable.')
    .optional(),
  type: requiredText(60, 'Choisissez le type de formation (Bac pro, CAP…).', 'Le type'),
  name: requiredText(160, 'Indiquez le nom de la formation.', 'Le nom'),
  active: z.boolean(),
});

export const teacherSchema = z.object({
  id: z
    .string()
    .trim()
    .max(40)
    .refine((v) => !hasControl(v), 'Élément introuvable.')
    .optional(),
  firstName: requiredText(80, 'Indiquez le prénom.', 'Le prénom'),
  lastName: requiredText(80, 'Indiquez le nom.', 'Le nom'),
  email: optionalEmail,
  active: z.boolean(),
});

export const deleteSchema = z.object({ id });

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Adresse email invalide (exemple : prenom.nom@ac-rennes.fr).')),
  role: z.enum(['ADMIN', 'TEACHER'], { error: 'Choisissez le rôle : administrateur ou enseignant.' }),
});

export const operatorInviteSchema = inviteSchema.extend({ siteId: id });

// Typed as text (one per line); a list already parsed by the browser's validation is accepted too.
const domainList = z
  // Only a list of texts is joined: joining other values threw (a null-prototype object has no toString — a 500, found by fuzzing).
  .preprocess((v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('\n') : v), z.string().max(2000))
  .transform((v, ctx) => {
    const hosts: string[] = [];
    for (const raw of v.split(/[\s,;]+/).filter(Boolean)) {
      const host = normalizeHost(raw.replace(/^https?:\/\//i, '').replace(/\/.*$/, ''));
      if (!host || !host.includes('.')) {
        ctx.addIssue({ code: 'custom', message: `« ${raw} » n’est pas un nom de domaine (exemple : ministage.lycee-exemple.fr).` });
        return z.NEVER;
      }
      if (!hosts.includes(host)) hosts.push(host);
    }
    return hosts;
  });

export const platformSchema = z.object({
  uai: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const e = uaiError(v);
      if (e) ctx.addIssue({ code: 'custom', message: e });
    }),
  name: requiredText(120, 'Indiquez le nom de la plateforme.', 'Le nom'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => SLUG_RE.test(v), 'Le sous-domaine : 2 à 40 lettres minuscules, chiffres ou tirets (exemple : lycee-guilloux).')
    .refine((v) => !RESERVED_SLUGS.has(v), 'Ce sous-domaine est réservé : choisissez-en un autre.'),
  domains: domainList,
  logoUrl: optionalUrl,
});

export const platformUpdateSchema = platformSchema.omit({ uai: true }).extend({ id, active: z.boolean() });

export const establishmentInfoSchema = z.object({
  headName: optionalText(120, 'Le nom du chef d’établissement'),
  headTitle: optionalText(60, 'La fonction'),
  publicEmail: optionalEmail,
  publicPhone: optionalPhone,
  insurer: optionalText(120, 'L’assureur'),
  insurancePolicy: optionalText(60, 'Le numéro de contrat'),
  address1: optionalText(120, 'L’adresse'),
  address2: optionalText(120, 'Le complément d’adresse'),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'Le code postal comporte 5 chiffres.'),
  city: optionalText(80, 'La commune'),
});

export const acceptInvitationSchema = z.object({ token: z.string().trim().min(10).max(200) });

export const invitationAccountSchema = z
  .object({
    token: z.string().trim().min(10).max(200),
    civility: z.enum(['M.', 'Mme', ''], { error: 'Civilité inconnue.' }),
    firstName: requiredText(80, 'Indiquez votre prénom.', 'Le prénom'),
    lastName: requiredText(80, 'Indiquez votre nom.', 'Le nom'),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Choisissez un mot de passe d’au moins ${PASSWORD_MIN_LENGTH} caractères.`)
      .max(200, 'Mot de passe trop long (200 caractères au plus).'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Les deux mots de passe ne sont pas identiques.' });

export const SITE_ROLE_LABELS = { ADMIN: 'Administrateur (chef d’établissement, DDFPT)', TEACHER: 'Enseignant' } as const;
