// Host → tenant rewrite (Next 16's name for middleware.ts). The portal lives at the root domain;
// each lycée platform at <slug>.<root> or its own domain is served from app/sites/[host]/….
// Not a security boundary: pages and actions resolve the site from the host again on the server.
// It also sends the pages' security headers (lib/core/security-headers.ts): a CSP with a fresh
// nonce, which Next reads back from the request's CSP header and puts on its own scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { parseHost } from './lib/core/tenant.ts';
import { env } from './lib/core/env.ts';
import { newNonce, pageSecurityHeaders } from './lib/core/security-headers.ts';
import { HANDSHAKE_HEADERS, NAVIGATION_HEADER, isDocumentNavigation, shouldHandshake } from './lib/core/sso-flow.ts';

export const TENANT_HEADER = 'x-ministage-host';
const NOT_FOUND = '/introuvable'; // no such route: app/not-found.tsx answers, with a 404

/**
 * A path Next could not decode (`/rejoindre/%E0%A4%A`): it would fail with a 500 on the segment. Or
 * one holding a control character once decoded (`/etablissement/classes/a%00b`): the id would reach
 * PostgreSQL, which refuses NUL in text (a 500, found by fuzzing). No real link holds one.
 */
function isMalformed(pathname: string): boolean {
  try {
    return /\p{Cc}/u.test(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

export function proxy(req: NextRequest) {
  const url = req.nextUrl.clone();
  const pathname = req.nextUrl.pathname; // as the browser asked for it, before any rewrite
  // Route handlers read the host themselves and get their headers from next.config.mjs: the proxy
  // only keeps a malformed path away from them (/api/auth/[...nextauth] would fail with a 500).
  const api = pathname === '/api' || pathname.startsWith('/api/');
  if (api && !isMalformed(pathname)) return NextResponse.next();
  const headers = new Headers(req.headers);
  headers.delete(TENANT_HEADER); // never trust the client's copy
  headers.delete(NAVIGATION_HEADER);

  const security = pageSecurityHeaders({
    pathname,
    nonce: newNonce(),
    production: env.isProduction,
    // `next dev` only (React's dev tools use eval); `next start` always runs with NODE_ENV=production.
    development: process.env.NODE_ENV === 'development',
  });
  // Next takes the nonce from the request's CSP header: the client's own copy is replaced.
  headers.delete('content-security-policy-report-only');
  headers.set('content-security-policy', security['Content-Security-Policy']);
  const secured = (res: NextResponse) => {
    for (const [key, value] of Object.entries(security)) res.headers.set(key, value);
    return res;
  };
  const rewrite = (to: string) => {
    url.pathname = to;
    return secured(NextResponse.rewrite(url, { request: { headers } }));
  };

  // app/sites/… is internal: only reachable through the rewrite below.
  if (pathname === '/sites' || pathname.startsWith('/sites/')) return rewrite(NOT_FOUND);
  if (isMalformed(pathname)) return rewrite(NOT_FOUND);
  const tenant = parseHost(req.headers.get('host'), process.env.ROOT_DOMAIN ?? 'localhost');
  if (!tenant) return rewrite(NOT_FOUND);
  if (tenant.kind === 'root') return secured(NextResponse.next({ request: { headers } }));

  // One sign-in (lib/core/sso-flow.ts): a page load with no session here asks the portal first.
  const nav = { method: req.method, pathname, search: req.nextUrl.search, headers: req.headers, cookieNames: req.cookies.getAll().map((c) => c.name) };
  if (shouldHandshake(nav)) {
    const res = secured(handshake(req));
    for (const [k, v] of Object.entries(HANDSHAKE_HEADERS)) res.headers.set(k, v); // no Referer on the way to the portal
    return res;
  }
  if (isDocumentNavigation(nav)) headers.set(NAVIGATION_HEADER, `${pathname}${req.nextUrl.search}`);

  headers.set(TENANT_HEADER, tenant.host);
  return rewrite(`/sites/${encodeURIComponent(tenant.host)}${pathname === '/' ? '' : pathname}`);
}

/**
 * To this platform's /api/sso/start (a path on the same host: Next makes a proxy redirect to the
 * origin it listens on relative, so the cross-host hop to the portal is the route handler's).
 */
function handshake(req: NextRequest): NextResponse {
  const url = req.nextUrl.clone();
  url.pathname = '/api/sso/start';
  url.search = `?return=${encodeURIComponent(`${req.nextUrl.pathname}${req.nextUrl.search}`)}`;
  return NextResponse.redirect(url, 307);
}

export const config = {
  // Everything but Next's assets and static files (their security headers come from next.config.mjs
  // `headers()`). Route handlers (/api/…) pass through untouched unless their path is malformed.
  matcher: ['/((?!_next/|favicon.ico|robots.txt).*)'],
};
