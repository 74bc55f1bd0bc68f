// The security headers of every answer. Pure: proxy.ts sends the page headers (with a fresh CSP
// nonce per request); next.config.mjs `headers()` sends the static ones on everything else too
// (route handlers under /api, /_next assets), and tests/unit/security-headers.test.ts checks that
// both say the same thing.

/** Pages whose URL carries a secret (activation, reset, invitations, class join code, convention signature and its PDF): no Referer at all. */
const TOKEN_PAGE_PREFIXES = ['activation', 'reinitialisation', 'invitation', 'invitation-plateforme', 'rejoindre', 'signature', 'api/signature', 'api/sso'] as const;
const TOKEN_PAGE = new RegExp(`^/(?:${TOKEN_PAGE_PREFIXES.join('|')})(?:/|$)`, 'i');

const REFERRER_POLICY = 'strict-origin-when-cross-origin';
const TOKEN_PAGE_REFERRER_POLICY = 'no-referrer';

/** One year; no includeSubDomains (each host of the app sends it itself), no preload. */
export const HSTS = 'max-age=31536000';

/** Route handlers (files, feeds, next-auth's own pages) get this CSP: they must never be framed. */
const NO_FRAMING_CSP = "frame-ancestors 'none'";

export function isTokenPage(pathname: string): boolean {
  return TOKEN_PAGE.test(pathname);
}

export function referrerPolicy(pathname: string): string {
  return isTokenPage(pathname) ? TOKEN_PAGE_REFERRER_POLICY : REFERRER_POLICY;
}

/** 128 random bits, base64: a CSP nonce (unpredictable, one per request). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

export type CspOptions = {
  nonce: string;
  /** env.isProduction (APP_ENV=production): the site is served over HTTPS only. */
  production: boolean;
  /** `next dev` (NODE_ENV=development): React's dev tools need eval and inject unnonced <style>s. */
  development?: boolean;
};

/**
 * The pages' Content-Security-Policy. Scripts: only those carrying this request's nonce (Next puts
 * it on its own scripts, read back from the request's CSP header) and what they load
 * ('strict-dynamic'); no 'unsafe-inline'. Styles: <style> and <link> elements need the nonce or
 * this origin; style *attributes* are allowed ('unsafe-inline' in style-src-attr only) because
 * React renders `style={{…}}` props as attributes and a nonce cannot apply to an attribute — the
 * worst an injected attribute can do is restyle an element, it cannot run code or load anything
 * (img-src/font-src stay 'self'). No framing, no plugins, no <base>, forms post to this origin.
 */
export function contentSecurityPolicy({ nonce, production, development = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    development ? ['style-src', "'self'", "'unsafe-inline'"] : ['style-src', "'self'", `'nonce-${nonce}'`],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (production) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * What next.config.mjs `headers()` sends (computed at build time, so nothing that depends on the
 * run-time environment): on every path, and the CSP below on route handlers.
 */
export function staticSecurityHeaders(pathname: string): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': referrerPolicy(pathname),
  };
  if (/^\/api(?:\/|$)/i.test(pathname)) headers['Content-Security-Policy'] = NO_FRAMING_CSP;
  return headers;
}

/** What proxy.ts sends on a page (the path as the browser asked for it, before any rewrite). */
export function pageSecurityHeaders(input: { pathname: string } & CspOptions): Record<string, string> {
  const headers: Record<string, string> = {
    ...staticSecurityHeaders(input.pathname),
    'Content-Security-Policy': contentSecurityPolicy(input),
  };
  if (input.production) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}
