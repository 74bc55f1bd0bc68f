// What the enrolment forms send. Ids and the establishment never come from here: the actions take
// the platform from the host and the collège from the session.
import { z } from 'zod';
import { CONTROL_MESSAGE, hasControl, personName } from '../core/text.ts';
import * as clock from '../core/clock.ts';
import { LEVELS } from '../classes/schema.ts';
import { ageOn, parseDay } from '../classes/pupil-schema.ts';

const id = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(40, message)
    .refine((v) => !hasControl(v), message);

/** At most this many pupils in one « Inscrire un stagiaire ». */
export const MAX_PUPILS_AT_ONCE = 30;

const birthDate = z
  .string({ error: 'Saisissez la date de naissance de l’élève.' })
  .trim()
  .min(1, 'Saisissez la date de naissance de l’élève.')
  .refine((v) => v === '' || parseDay(v) !== null, 'Date de naissance non valide : utilisez le format jj/mm/aaaa.')
  .refine((v) => {
    const d = parseDay(v);
    if (!d) return true;
    const age = ageOn(d, clock.now());
    return age >= 9 && age <= 21;
  }, 'Vérifiez la date de naissance : un élève de collège a entre 9 et 21 ans.');

/** A pupil typed in by a collège not yet using classes: created in the collège, without class. */
const newPupilSchema = z.object({
  lastName: personName('Saisissez le nom de l’élève.'),
  firstName: personName('Saisissez le prénom de l’élève.'),
  level: z.enum(LEVELS, { error: 'Choisissez le niveau de l’élève dans la liste.' }),
  // Printed on convocations sent to families: the names' rule (no link, address or markup).
  classLabel: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), personName('Saisissez la classe (par exemple 3e B).', 20)]))
    .optional()
    .default(''),
  birthDate,
});
export type NewPupilInput = z.infer<typeof newPupilSchema>;

export const enrolSchema = z
  .object({
    stageId: id('Stage introuvable.'),
    pupilIds: z.array(id('Élève introuvable.')).max(MAX_PUPILS_AT_ONCE, `Inscrivez au plus ${MAX_PUPILS_AT_ONCE} élèves à la fois.`).default([]),
    newPupil: newPupilSchema.optional(),
    /** Put the pupils on the waiting list when no seat is left (« Inscrire en liste d'attente »). */
    waitlist: z.boolean().default(false),
  })
  .refine((v) => v.pupilIds.length > 0 || v.newPupil, { message: 'Choisissez au moins un élève dans la liste, ou saisissez-en un.', path: ['pupilIds'] });
export type EnrolInput = z.input<typeof enrolSchema>;

export const cancelEnrolmentSchema = z.object({ enrolmentId: id('Inscription introuvable.') });

export const attendanceSchema = z.object({
  enrolmentId: id('Inscription introuvable.'),
  attendance: z.enum(['PRESENT', 'ABSENT'], { error: 'Indiquez présent ou absent.' }),
});

/** A whole number typed in a field (spaces around ignored), within bounds; '' → null when `optional`. */
const typedNumber = (min: number, max: number, message: string) =>
  z
    .union([z.string(), z.number()], { error: message })
    .transform((v) => String(v).trim())
    .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= min && Number(v) <= max), message);
const optionalInt = (min: number, max: number, message: string) => typedNumber(min, max, message).transform((v) => (v === '' ? null : Number(v)));
const requiredInt = (min: number, max: number, message: string) =>
  typedNumber(min, max, message)
    .refine((v) => v !== '', message)
    .transform(Number);

/** The platform's enrolment options (Options › Inscriptions). */
export const enrolmentOptionsSchema = z
  .object({
    fairShareSeats: optionalInt(1, 50, 'Indiquez un nombre de places entre 1 et 50, ou laissez vide.'),
    fairShareDays: optionalInt(0, 60, 'Indiquez un nombre de jours entre 0 et 60, ou laissez vide.'),
    conventionReminderDays: requiredInt(0, 30, 'Indiquez un nombre de jours entre 0 et 30.'),
    convocationNote: z
      .string()
      .trim()
      .max(500, 'Les consignes tiennent en 500 caractères.')
      .refine((v) => !hasControl(v), CONTROL_MESSAGE)
      .optional()
      .default(''),
  })
  .refine((v) => (v.fairShareSeats === null) === (v.fairShareDays === null), {
    message: 'Indiquez à la fois le nombre de places par collège et le nombre de jours avant le stage, ou laissez les deux vides.',
    path: ['fairShareDays'],
  });

/**
 * The « Inscrire un stagiaire » form as typed: the typed-in pupil is checked only when « Saisir un
 * élève » is ticked. `toEnrolInput` turns it into what the server action takes (enrolSchema).
 */
export const enrolFormSchema = z
  .object({
    pupilIds: z.array(z.string()).max(MAX_PUPILS_AT_ONCE, `Inscrivez au plus ${MAX_PUPILS_AT_ONCE} élèves à la fois.`),
    typeIn: z.boolean(),
    newPupil: z.object({ lastName: z.string(), firstName: z.string(), level: z.string(), classLabel: z.string(), birthDate: z.string() }),
  })
  .superRefine((v, ctx) => {
    if (v.typeIn) {
      const r = newPupilSchema.safeParse(v.newPupil);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: ['newPupil', ...i.path] });
    } else if (v.pupilIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'Choisissez au moins un élève dans la liste, ou saisissez-en un.', path: ['pupilIds'] });
    }
  });
export type EnrolFormValues = z.input<typeof enrolFormSchema>;

/** `waitlist`: the stage is full when the form is sent (its button then says « Inscrire en liste d'attente »). */
export function toEnrolInput(stageId: string, v: EnrolFormValues, waitlist: boolean): EnrolInput {
  return { stageId, pupilIds: v.pupilIds, waitlist, ...(v.typeIn ? { newPupil: v.newPupil as NewPupilInput } : {}) };
}
