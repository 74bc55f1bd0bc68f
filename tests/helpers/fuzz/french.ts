// Is a message shown to a person French, and not one of zod's (or JavaScript's) English defaults?
import { describe as show } from './values';

/** zod's (and JavaScript's) English defaults: any of these in a message shown to a person is a bug. */
const ENGLISH = [
  /\bInvalid\b/i,
  /\bexpected\b/i,
  /\breceived\b/i,
  /^Required$/i,
  /\bToo (big|small)\b/i,
  /\bmust (be|have|contain|match|start|end|include)\b/i,
  /\bUnrecognized\b/i,
  /\bcharacters?\b/,
  /\b(string|number|boolean|object|array|undefined|null|nan|bigint)\b/,
  /\b(error|failed|unexpected|cannot|undefined is not|is not a function)\b/i,
  /\b(the|should|please|not found)\b/i,
];
/** French markers: an accented letter, French punctuation, or a common French word. */
const FRENCH =
  /[àâäçéèêëîïôöûùüÿœæ«»’]|\b(le|la|les|un|une|des|du|de|votre|vous|pas|est|ou|et|au|aux|ce|cette|en|pour|sur|avec|sans|plus|trop|lien|adresse|mot|passe|non|valide|invalide|incomplet|inconnue?|introuvable|manquante?|longue?|courte?|nom|date|code|numéro|par|exemple|sa|son|ses|indiquez|saisissez|choisissez)\b/i;

/** Why `message` is not an acceptable French refusal, or null. */
export function notFrench(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return `empty or not a string: ${show(message)}`;
  // « … » quotes what the person typed (« undefined » n’est pas un nom de domaine): not the message's own words.
  const own = message.replace(/«[^»]*»/g, '« »');
  const english = ENGLISH.find((re) => re.test(own));
  if (english) return `English (${english}): « ${message} »`;
  if (!FRENCH.test(message)) return `does not look French: « ${message} »`;
  return null;
}
