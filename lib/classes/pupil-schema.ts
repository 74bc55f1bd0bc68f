// The pupil sign-up form: identity, an email or a chosen login, a password, optional guardians.
// The establishment and the class come from the join code; without one, the pupil chooses the
// collège and their level, and the team places them in a class.
import { z } from 'zod';
import { PASSWORD_MESSAGES, emailSchema, passwordSchema } from '../accounts/schema.ts';
import { guardiansSchema, levelSchema } from './schema.ts';
import * as clock from '../core/clock.ts';
import { personName } from '../core/text.ts';

export const LOGIN_RULE = '3 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret ou tiret bas (par exemple lea.morel).';
const LOGIN_RE = /^[a-z0-9][a-z0-9._-]{2,39}$/;

const loginSchema = z
  .string({ error: `Choisissez un identifiant : ${LOGIN_RULE}` })
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(LOGIN_RE, `Identifiant non valide : ${LOGIN_RULE}`));

/** Age limits for a collégien(ne): the form refuses obvious typing mistakes, not real pupils. */
const MIN_AGE = 9;
const MAX_AGE = 21;

export function ageOn(birth: Date, on: Date): number {
  let age = on.getFullYear() - birth.getFullYear();
  const m = on.getMonth() - birth.getMonth();
  if (m < 0 || (m === 0 && on.getDate() < birth.getDate())) age--;
  return age;
}

/** 'YYYY-MM-DD' (the value of an <input type="date">) → a date at midnight UTC, or null. */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

const birthDateSchema = z
  .string({ error: 'Saisissez votre date de naissance.' })
  .trim()
  .min(1, 'Saisissez votre date de naissance.')
  .refine((v) => parseDay(v) !== null, 'Date de naissance non valide : utilisez le format jj/mm/aaaa.')
  .refine((v) => {
    const d = parseDay(v);
    if (!d) return true;
    const age = ageOn(d, clock.now());
    return age >= MIN_AGE && age <= MAX_AGE;
  }, `Vérifiez votre date de naissance : un élève de collège a entre ${MIN_AGE} et ${MAX_AGE} ans.`);

/** The pupil's names are read by the collège's team and printed on conventions: no link, address or markup. */
const name = (msg: string) => personName(msg);

export const pupilSignUpSchema = z
  .object({
    /** Join code of the class (from the link or typed): the only way into a class. */
    code: z.string().trim().max(20).optional().default(''),
    /**
     * Without code: the collège's UAI only. The pupil waits « sans classe » until the team places
     * them; a class chosen from a list would let anyone who finds the collège join any of its classes.
     */
    uai: z.string().trim().max(8).optional().default(''),
    /** Without class: the level, kept for statistics. */
    level: z
      .union([z.literal(''), levelSchema])
      .optional()
      .default(''),
    lastName: name('Saisissez votre nom.'),
    firstName: name('Saisissez votre prénom.'),
    birthDate: birthDateSchema,
    accountKind: z.enum(['email', 'login'], { error: 'Choisissez : une adresse email ou un identifiant.' }),
    email: z.string().trim().max(254).optional().default(''),
    login: z.string().trim().max(40).optional().default(''),
    password: passwordSchema,
    passwordConfirm: z.string({ error: PASSWORD_MESSAGES.mismatch }),
    guardians: guardiansSchema,
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: PASSWORD_MESSAGES.mismatch });
    if (!v.code && !v.uai) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Saisissez le code de votre classe, ou choisissez votre collège.' });
    if (!v.code && !v.level) ctx.addIssue({ code: 'custom', path: ['level'], message: 'Sans code de classe, indiquez votre niveau (par exemple 3e).' });
    if (v.accountKind === 'email') {
      const r = emailSchema.safeParse(v.email);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['email'], message: r.error.issues[0]?.message ?? 'Adresse email non valide.' });
    } else {
      const r = loginSchema.safeParse(v.login);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['login'], message: r.error.issues[0]?.message ?? 'Identifiant non valide.' });
    }
  });
export type PupilSignUpInput = z.input<typeof pupilSignUpSchema>;
export type PupilSignUpData = z.output<typeof pupilSignUpSchema>;

/** A signed-in pupil without a class (or detached) joins a class with its code. */
export const joinClassSchema = z.object({ code: z.string().trim().min(1, 'Saisissez le code de votre classe.').max(20) });
