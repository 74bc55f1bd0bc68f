// The classes forms' rules, shared by the browser (zodResolver) and the server actions.
// Transforms only trim/normalise strings, so a parsed value parses again to itself.
import { z } from 'zod';
import { CONTROL_MESSAGE, hasControl, isUnsafeName, NAME_MESSAGE } from '../core/text.ts';

/** Filières / niveaux proposed for a class (the real product's list, collège first). */
export const LEVELS = ['6e', '5e', '4e', '3e', '3e prépa-métiers', 'SEGPA', 'ULIS', 'UPE2A', '2nde', 'Autre'] as const;

const id = (what: string) =>
  z
    .string({ error: `${what} manquant.` })
    .min(1, `${what} manquant.`)
    .max(40)
    .refine((v) => !hasControl(v), `${what} introuvable.`);

const className = z
  .string({ error: 'Saisissez le nom de la classe (par exemple « 3e B »).' })
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'Saisissez le nom de la classe (par exemple « 3e B »).')
      .max(30, 'Le nom de la classe ne doit pas dépasser 30 caractères.')
      .refine((v) => !hasControl(v), CONTROL_MESSAGE),
  );

export const levelSchema = z.enum(LEVELS, { error: 'Choisissez la filière ou le niveau de la classe dans la liste.' });

export const classFormSchema = z.object({ name: className, level: levelSchema });
export type ClassFormInput = z.input<typeof classFormSchema>;

export const updateClassSchema = classFormSchema.extend({ classRoomId: id('Classe') });
export const classIdSchema = z.object({ classRoomId: id('Classe') });

export const assignTeachersSchema = z.object({
  classRoomId: id('Classe'),
  membershipIds: z.array(id('Professeur')).max(5, 'Cinq professeurs principaux au plus par classe.'),
});

/** One pupil → one class (null: « sans classe »). */
export const movePupilsSchema = z.object({
  moves: z
    .array(z.object({ pupilId: id('Élève'), classRoomId: id('Classe').nullable() }))
    .min(1, 'Sélectionnez au moins un élève.')
    .max(500, 'Déplacez au plus 500 élèves à la fois.'),
});
export type MovePupilsInput = z.input<typeof movePupilsSchema>;

export const pupilIdSchema = z.object({ pupilId: id('Élève') });

// ── Legal guardians (responsables légaux): optional, at most two ──

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au maximum.`)
    .refine((v) => !hasControl(v), CONTROL_MESSAGE)
    .optional()
    .default('');

/** French or international phone number, kept as digits (and a leading +). */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s.\-()]/g, '');
}
const PHONE_RE = /^(?:0[1-9]\d{8}|\+\d{8,15})$/;

export const guardianSchema = z
  .object({
    lastName: optionalText(80),
    firstName: optionalText(80),
    email: optionalText(254).transform((v) => v.toLowerCase()),
    phone: optionalText(25),
  })
  .superRefine((g, ctx) => {
    for (const key of ['lastName', 'firstName'] as const) {
      if (g[key] && isUnsafeName(g[key])) ctx.addIssue({ code: 'custom', path: [key], message: NAME_MESSAGE });
    }
    const filled = g.lastName || g.firstName || g.email || g.phone;
    if (!filled) return;
    if (!g.lastName) ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Saisissez le nom du responsable légal.' });
    if (!g.firstName) ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Saisissez le prénom du responsable légal.' });
    if (!g.email && !g.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Indiquez une adresse email ou un numéro de téléphone pour joindre ce responsable.' });
    if (g.email && !z.email().safeParse(g.email).success)
      ctx.addIssue({ code: 'custom', path: ['email'], message: "Cette adresse email n'est pas valide (exemple : prenom.nom@exemple.fr)." });
    if (g.phone && !PHONE_RE.test(normalizePhone(g.phone)))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Numéro de téléphone non valide (exemple : 06 12 34 56 78).' });
  });
export type GuardianInput = z.input<typeof guardianSchema>;

export const guardiansSchema = z.array(guardianSchema).max(2, 'Deux responsables légaux au plus.').default([]);

export const updateGuardiansSchema = z.object({ pupilId: id('Élève'), guardians: guardiansSchema });

/** True when a guardian entry holds something (empty entries of the form are ignored). */
export const isFilledGuardian = (g: { lastName?: string; firstName?: string; email?: string; phone?: string }) => !!(g.lastName || g.firstName || g.email || g.phone);
