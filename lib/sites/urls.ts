// A platform's subdomain (slug) rules, and slugify for the operator's form. Pure.
// A platform's address (origin) is siteOrigin of lib/core/origin.ts.
/** Slug rules: a DNS label (lower-case letters, digits, hyphens), 2–40 characters. */
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;
export const RESERVED_SLUGS = new Set(['www', 'api', 'admin', 'mail', 'smtp', 'static', 'assets', 'operateur', 'app']);

/** Lower-case, accents removed, spaces → hyphens: « Lycée la Champagne » → « lycee-la-champagne ». */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
