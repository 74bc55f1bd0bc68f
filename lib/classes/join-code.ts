// Class join codes: short, easy to read aloud and to copy from a board (no I, L, O, 0, 1).
import { randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What the pupil typed → the stored form (upper-case, spaces and dashes removed); null when it
 * cannot be a code. Lenient on the characters (codes written by hand or by older tools may use any
 * letter or digit); the codes the platform generates never contain I, L, O, 0 or 1.
 */
export function normalizeJoinCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,10}$/.test(code) ? code : null;
}

/** « K7M Q2P »: easier to read on a printed page. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
