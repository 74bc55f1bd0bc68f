// Code UAI (Unité Administrative Immatriculée, formerly RNE): 7 digits + 1 check letter.
// The letter is "ABCDEFGHJKLMNPRSTUVWXYZ"[Number(first7) % 23] (no I, O, Q): 0350031U, 0352958A, 0490003M.
import { z } from 'zod';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const UAI_FORMAT = /^\d{7}[A-Z]$/;

export const UAI_MESSAGES = {
  empty: 'Saisissez le code UAI de votre établissement (7 chiffres et une lettre, par exemple 0350031U).',
  format: "Le code UAI comporte 7 chiffres suivis d'une lettre (par exemple 0350031U).",
  checkLetter: "Ce code UAI n'existe pas : la lettre de contrôle ne correspond pas aux chiffres. Vérifiez votre saisie.",
} as const;

/** Trims and upper-cases what the user typed (`' 0350031u '` → `'0350031U'`). */
export function normalizeUai(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check letter of the first seven digits. */
export function uaiCheckLetter(first7: string): string {
  if (!/^\d{7}$/.test(first7)) throw new Error(`Sept chiffres attendus, reçu « ${first7} »`);
  return CHECK_LETTERS[Number(first7) % 23];
}

/** Why a UAI is invalid (a French message for the user), or null when it is valid. */
export function uaiError(raw: string): string | null {
  const uai = normalizeUai(raw);
  if (uai === '') return UAI_MESSAGES.empty;
  if (!UAI_FORMAT.test(uai)) return UAI_MESSAGES.format;
  if (uaiCheckLetter(uai.slice(0, 7)) !== uai[7]) return UAI_MESSAGES.checkLetter;
  return null;
}

/** 7 digits followed by the right check letter (case and surrounding spaces ignored). */
export function isValidUai(raw: string): boolean {
  return uaiError(raw) === null;
}

/**
 * Département code of a UAI, written as the annuaire's Code_departement column: 3 characters.
 * Mainland `0xx` → `0xx` ('035'); Corse 620 → '02A', 720 → '02B'; overseas 97x/98x → '971' … '988'.
 */
export function departmentOfUai(uai: string): string {
  const prefix = normalizeUai(uai).slice(0, 3);
  if (prefix === '620') return '02A';
  if (prefix === '720') return '02B';
  return prefix;
}

/**
 * Zod schema for a UAI typed in a form: one French message per failure (empty, format, check
 * letter) and the normalized value as output.
 */
export const uaiSchema = z.string({ error: UAI_MESSAGES.empty }).transform((raw, ctx) => {
  const message = uaiError(raw);
  if (message) {
    ctx.issues.push({ code: 'custom', message, input: raw });
    return z.NEVER;
  }
  return normalizeUai(raw);
});
