// Text typed by the public that others read (names in emails and on team pages), and addresses
// shown to people who must not read them in full. Shared by the browser (zod forms) and the server.
import { z } from 'zod';

export const NAME_MESSAGE =
  'Saisissez seulement votre nom : pas d’adresse web ni d’adresse email, et pas de caractères @, <, > ou % (lettres, espaces, tirets, apostrophes et points sont acceptés).';

/** Control and invisible formatting characters (C0, DEL, C1 = `\p{Cc}`, half a surrogate pair `\p{Cs}`, zero-width, bidirectional overrides). */
const CONTROL = /[\p{Cc}\p{Cs}\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/**
 * A web address: a scheme, www., host.tld/…, or any `label.label` (whatever the top-level domain, and with the dots a browser also reads: 。．｡).
 * The scheme is found from its « :// » looking back (`[a-z][a-z0-9+.-]*://` tried at every position took
 * quadratic time: a 40 000-letter « name » held the server 4 s, found by fuzzing).
 */
const URL_LIKE = [/:\/\/(?<=[a-z][a-z0-9+.-]*:\/\/)/i, /\bwww\d*\./i, /[\p{L}\p{N}-][.。．｡]\p{L}{2,}/u];

/**
 * Control characters a typed text never holds (tab and line breaks excepted), and half a surrogate pair
 * (no character): PostgreSQL refuses NUL in text and a lone surrogate in the audit line's jsonb (500s, found by fuzzing).
 */
const TYPED_CONTROL = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
export const CONTROL_MESSAGE = 'Ce texte contient un caractère invisible (de contrôle) : retapez-le sans copier-coller.';
/** True when a free text (a class name, a description, a reason) holds a control character. */
export const hasControl = (value: string): boolean => TYPED_CONTROL.test(value);

/** True when a name could carry a link, an address, markup or a control character. */
export function isUnsafeName(value: string): boolean {
  return /[@<>%]/.test(value) || CONTROL.test(value) || URL_LIKE.some((re) => re.test(value));
}

/**
 * A person's name or function as typed in a public form (nom, prénom, fonction): trimmed, required,
 * at most `max` characters, and never a link, an email address, markup or a control character —
 * it ends up in emails and pages that other people read.
 */
export function personName(empty: string, max = 80) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(max, `${max} caractères au maximum.`)
    .refine((v) => !isUnsafeName(v), NAME_MESSAGE);
}

/** « ce.0350033w@ac-rennes.fr » → « ce.....@ac-rennes.fr »: only the first letters of the mailbox. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : address;
  const domain = at > 0 ? address.slice(at) : '';
  // By characters, not UTF-16 units, and a lone surrogate as « � »: PostgreSQL's jsonb refuses half a pair (found by fuzzing the sign-in's audit line).
  const chars = Array.from(local.replace(/\p{Cs}/gu, '\ufffd'));
  return `${chars.slice(0, Math.min(2, Math.max(1, chars.length - 1))).join('')}.....${domain}`;
}

/**
 * A dynamic route segment: Next.js already decodes it; a second decode is only attempted for links
 * encoded twice, and never throws (a bare « % » made decodeURIComponent throw URIError → 500).
 */
export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A query-string value as a page reads it: the first one when repeated (`?q=a&q=b`), trimmed to `max`. */
export function firstParam(value: string | string[] | undefined, max = 200): string {
  const v = ((Array.isArray(value) ? value[0] : value) ?? '').slice(0, max);
  // A control character or half a surrogate pair is no search anyone typed: ignored (NUL reached PostgreSQL: a 500, found by fuzzing).
  return hasControl(v) ? '' : v;
}
