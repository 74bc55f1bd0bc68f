// One sign-in across every platform: the pure half of the portal ⇄ platform handshake, shared by
// proxy.ts (which starts it on a first visit) and the three route handlers of app/api/sso/.
//
//   platform page, no session cookie ──► its /api/sso/start ──► /api/sso/authorize on the portal (?host, state, return)
//        (verifier cookie, host-only, 15 min;   │
//         state = SHA-256 of the verifier)      │ portal session? ── yes → one-time code (lib/core/sso.ts)
//                                               │                 ── no  → nothing (or the sign-in form: prompt=login)
//   platform /api/sso/callback (?code, state, return) ◄┘  state = cookie → code redeemed on the server
//        → its own host-only next-auth cookie, or « checked » for 5 min; back to `return`.
//
// Nothing here reads the database or Next's request APIs.
import { createHash, randomBytes } from 'node:crypto';
import { safeCallbackUrl } from './origin.ts';

const SSO_STATE_COOKIE = 'ms_sso_state';
/** Set after a handshake came back without a session: no new detour for a while. */
export const SSO_CHECKED_COOKIE = 'ms_sso_checked';
export const SSO_CHECKED_SECONDS = 5 * 60;
/** Long enough to type a password on the portal's form (the code itself lives under a minute). */
const SSO_STATE_SECONDS = 15 * 60;
/** `?ms_sso=0`: the loop guard for a browser that keeps no cookies (it comes back without the state). */
const SSO_SKIP_PARAM = 'ms_sso';
/** The proxy tells the platform layout which page a navigation asked for (a stale session restarts the handshake from there). */
export const NAVIGATION_HEADER = 'x-ministage-navigation';

/** next-auth 4's session cookie names (https: `__Secure-`); a large JWT is split into `.0`, `.1`… */
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;

export const isSessionCookie = (name: string) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`));

function hasSessionCookie(names: string[]): boolean {
  return names.some(isSessionCookie);
}

/**
 * next-auth picks `__Secure-` cookies when the request's origin is https, and it takes the origin
 * from X-Forwarded-Proto with anything but `http` meaning https (next-auth/utils/detect-origin).
 * The handshake names its cookie the same way, so next-auth reads it back.
 */
export function sessionCookieName(forwardedProto: string | null | undefined): string {
  // next-auth/utils/detect-origin: NEXTAUTH_URL first, else (AUTH_TRUST_HOST) the forwarded protocol.
  const configured = process.env.NEXTAUTH_URL;
  const https = configured ? configured.startsWith('https://') : forwardedProto !== 'http';
  return https ? SESSION_COOKIES[1] : SESSION_COOKIES[0];
}

const STATE_RE = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url (43 characters): the secret a platform keeps in the browser's cookie. */
export function newVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The state sent round the portal is the SHA-256 of the verifier (as in PKCE): a callback URL read in
 * a log is useless without the cookie of the browser that started the handshake.
 */
export const stateOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export const isState = (value: unknown): value is string => typeof value === 'string' && STATE_RE.test(value);

/** One cookie per handshake (two tabs opened at once each keep their own). */
export const stateCookieName = (state: string) => `${SSO_STATE_COOKIE}_${state.slice(0, 8)}`;

/** Paths that carry a secret of their own (emailed links): never sent round the portal. */
const TOKEN_PATHS = ['/signature/', '/activation/', '/reinitialisation/', '/invitation-plateforme/', '/invitation/'];

export type NavigationRequest = {
  method: string;
  pathname: string;
  search: string;
  headers: { get(name: string): string | null };
  cookieNames: string[];
};

/** A top-level page load, not a prefetch, a client-side (RSC) navigation, a frame or a fetch. */
export function isDocumentNavigation(req: Pick<NavigationRequest, 'method' | 'headers'>): boolean {
  const h = req.headers;
  if (req.method !== 'GET') return false;
  // Fetch Metadata is sent to secure origins only (https, localhost): over plain http (a custom
  // domain in a test) a page load is what asks for HTML.
  const dest = h.get('sec-fetch-dest');
  if (dest !== null ? dest !== 'document' || h.get('sec-fetch-mode') !== 'navigate' : !(h.get('accept') ?? '').includes('text/html')) return false;
  if (h.get('rsc') || h.get('next-router-prefetch') || h.get('next-router-state-tree')) return false;
  const purpose = `${h.get('sec-purpose') ?? ''} ${h.get('purpose') ?? ''}`.toLowerCase();
  return !purpose.includes('prefetch');
}

/** Does a platform request start the handshake? A page load by a browser with no session here and no recent check. */
export function shouldHandshake(req: NavigationRequest): boolean {
  if (!isDocumentNavigation(req)) return false;
  if (hasSessionCookie(req.cookieNames) || req.cookieNames.includes(SSO_CHECKED_COOKIE)) return false;
  if (new URLSearchParams(req.search).has(SSO_SKIP_PARAM)) return false;
  return !TOKEN_PATHS.some((p) => req.pathname.startsWith(p));
}

/** The page to come back to: a path of the platform itself (anything else → '/'). */
export function returnPath(raw: string | null | undefined): string {
  return safeCallbackUrl(raw, 'http://ministage.invalid');
}

export type AuthorizeParams = { host: string; state: string; returnTo: string; prompt?: 'login' };

/** The portal's authorize URL for a platform host. */
export function authorizeUrl(portalOrigin: string, p: AuthorizeParams): string {
  return `${portalOrigin}${authorizePath(p)}`;
}

export function authorizePath(p: AuthorizeParams): string {
  const q = new URLSearchParams({ host: p.host, state: p.state, return: returnPath(p.returnTo) });
  if (p.prompt) q.set('prompt', p.prompt);
  return `/api/sso/authorize?${q}`;
}

/** The platform's callback URL (with a code when the portal has a session). */
export function callbackUrl(platformOrigin: string, p: { state: string; returnTo: string; code?: string }): string {
  const q = new URLSearchParams({ state: p.state, return: returnPath(p.returnTo) });
  if (p.code) q.set('code', p.code);
  return `${platformOrigin}/api/sso/callback?${q}`;
}

/** `return` with `?ms_sso=0` (the browser keeps no cookies: stop the handshake). */
export function withSkip(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${SSO_SKIP_PARAM}=0`;
}

export type CookieSpec = { name: string; value: string; maxAge?: number; secure: boolean };

/** The state cookie a platform sets before sending the browser to the portal: the verifier, under a name of its state. */
export function stateCookie(verifier: string, secure: boolean): CookieSpec {
  return { name: stateCookieName(stateOf(verifier)), value: verifier, maxAge: SSO_STATE_SECONDS, secure };
}

/** Headers every handshake response carries: never cached, the code never leaves in a Referer. */
export const HANDSHAKE_HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The handshake's own refusals: a short French page with the way back to the portal (never a redirect elsewhere). */
export function handshakePage(status: number, message: string): Response {
  const body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion — ministage</title></head><body><main><h1>Connexion impossible</h1><p>${escapeHtml(message)}</p><p><a href="/">Retour à l’accueil</a></p></main></body></html>`;
  return new Response(body, { status, headers: { ...HANDSHAKE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
}
