// Zod schemas of the stage forms: the same objects validate in the browser (zodResolver) and in the
// server actions, so both agree on every rule of lib/stages/rules.ts.
import { z } from 'zod';
import { checkStageRules, RULE_MESSAGES } from './rules.ts';
import { isValidDay, timeToMinutes } from './time.ts';
import { CONTROL_MESSAGE, hasControl } from '../core/text.ts';

export const STAGE_TYPES = ['Mini-stage', 'Journée découverte', 'Immersion', 'Portes ouvertes'] as const;
export const AUDIENCES = ['4e', '3e', '3e SEGPA', '2nde', '1re', 'Terminale'] as const;
export const SCHEDULE_DETAILS = ['Matin', 'Après-midi', 'Journée'] as const;

const id = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(40, message)
    .refine((v) => !hasControl(v), message);
const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .refine((v) => !hasControl(v), CONTROL_MESSAGE);

const stageFields = z.object({
  formationId: id('Choisissez la formation (filière).'),
  stageType: text(60, 'Le type de stage tient en 60 caractères.').refine((v) => v !== '', 'Indiquez le type de stage.'),
  date: z.string({ error: RULE_MESSAGES.dateInvalid }).trim(),
  startTime: z.string({ error: RULE_MESSAGES.timeInvalid }).trim(),
  endTime: z.string({ error: RULE_MESSAGES.timeInvalid }).trim(),
  scheduleDetail: text(200, 'Le détail des horaires tient en 200 caractères.'),
  capacity: z.number({ error: 'Indiquez la capacité (nombre de places).' }),
  teacherId: z
    .string()
    .trim()
    .max(40)
    .refine((v) => !hasControl(v), 'Enseignant introuvable.'),
  place: text(200, 'Le lieu tient en 200 caractères.'),
  audience: z.array(z.enum(AUDIENCES, { error: 'Public inconnu.' })).max(AUDIENCES.length),
  description: text(2000, 'La description tient en 2 000 caractères.'),
});

export type StageFormValues = z.input<typeof stageFields>;
export type StageInput = z.output<typeof stageFields>;

/** A new stage's form as it opens (« Créer un stage » on a day): a 3e morning of 8 seats. */
export function newStageForm(date: string, over: Partial<StageFormValues> = {}): StageFormValues {
  return {
    formationId: '',
    stageType: 'Mini-stage',
    date,
    startTime: '09:00',
    endTime: '12:00',
    scheduleDetail: '',
    capacity: 8,
    teacherId: '',
    place: '',
    audience: ['3e'],
    description: '',
    ...over,
  };
}

/** Adds the publication rules (each issue on its field); `now` is read at validation time. */
function withRules<T extends z.ZodType<StageInput>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    const issues = checkStageRules({
      date: v.date,
      startMinutes: timeToMinutes(v.startTime),
      endMinutes: timeToMinutes(v.endTime),
      capacity: v.capacity,
    });
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });
}

export const stageSchema = withRules(stageFields);

export const updateStageSchema = z.intersection(z.object({ id: id('Stage introuvable.') }), stageSchema);

export const cancelStageSchema = z.object({
  id: id('Stage introuvable.'),
  reason: z
    .string({ error: "Indiquez le motif de l'annulation." })
    .trim()
    .min(5, "Indiquez le motif de l'annulation (il est envoyé aux familles et aux collèges).")
    .max(500, 'Le motif tient en 500 caractères.')
    .refine((v) => !hasControl(v), CONTROL_MESSAGE),
});

export const MAX_DUPLICATES = 60;

export const duplicateStageSchema = z
  .object({
    id: id('Stage introuvable.'),
    mode: z.enum(['dates', 'weekly'], { error: 'Choisissez comment dupliquer le stage.' }),
    dates: z.array(z.string().trim()).max(MAX_DUPLICATES, `Au plus ${MAX_DUPLICATES} dates à la fois.`),
    weekday: z.number().int().min(1).max(6),
    until: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'dates') {
      const filled = v.dates.filter(Boolean);
      if (filled.length === 0) ctx.addIssue({ code: 'custom', path: ['dates'], message: 'Ajoutez au moins une date.' });
      filled.forEach((d, i) => {
        if (!isValidDay(d)) ctx.addIssue({ code: 'custom', path: ['dates', i], message: RULE_MESSAGES.dateInvalid });
      });
    } else if (!isValidDay(v.until)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Indiquez la date de fin de la répétition.' });
    }
  });

export type DuplicateStageInput = z.output<typeof duplicateStageSchema>;
