// A platform's subdomain (slug) rules, and slugify for the operator's form. Pure.
// A platform's address (origin) is siteOrigin of lib/core/origin.ts.
import { env } from '../core/env.ts';

/** @deprecated lib/core/origin.ts SiteAddress. */
export type SiteAddress = { slug: string; domains?: { host: string }[] };

/**
 * @deprecated siteOrigin(site, fromOrigin, env.rootDomain) of lib/core/origin.ts (same result). Kept, unchanged,
 * while components/stages/StageSearch.tsx (the cross-platform search, shared with the portal) still imports it.
 * 'http://localhost:3000' + { slug: 'demo' } → 'http://demo.localhost:3000'.
 */
export function siteOrigin(site: SiteAddress, requestOrigin: string, rootDomain = env.rootDomain): string {
  let proto = 'http:';
  let port = '';
  try {
    const u = new URL(requestOrigin);
    proto = u.protocol;
    port = u.port;
  } catch {
    // keep the defaults
  }
  const host = site.domains?.[0]?.host ?? `${site.slug}.${rootDomain}`;
  return `${proto}//${host}${port ? `:${port}` : ''}`;
}

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
