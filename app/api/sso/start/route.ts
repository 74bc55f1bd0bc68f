// A platform starts the handshake on purpose: « Connexion » (prompt=login: the portal's form if it has
// no session) or a session cookie that stopped working (stale=1: it is dropped first). A first visit
// is sent here by proxy.ts (a proxy redirect stays on its own host).
import { headers } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { findSiteByHost } from '@/lib/core/actor';
import { portalOrigin } from '@/lib/core/session';
import { guardRoute } from '@/lib/core/route';
import {
  HANDSHAKE_HEADERS,
  handshakePage,
  isSessionCookie,
  SSO_CHECKED_COOKIE,
  SSO_CHECKED_SECONDS,
  authorizeUrl,
  returnPath,
  withSkip,
  newVerifier,
  stateOf,
  sessionCookieName,
  stateCookie,
} from '@/lib/core/sso-flow';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest): Promise<Response> {
  return guardRoute(
    'sso',
    () => start(req),
    (body, status) => handshakePage(status, body),
  );
}

async function start(req: NextRequest): Promise<Response> {
  const h = await headers();
  const site = await findSiteByHost(h.get('host') ?? '');
  const q = req.nextUrl.searchParams;
  // No platform here: back to the page asked for, which answers the French 404 (no handshake again).
  if (!site) return new Response(null, { status: 303, headers: { ...HANDSHAKE_HEADERS, Location: withSkip(returnPath(q.get('return'))) } });
  const verifier = newVerifier();
  const secure = sessionCookieName(h.get('x-forwarded-proto')).startsWith('__Secure-');
  const location = authorizeUrl(await portalOrigin(), {
    host: site.host,
    state: stateOf(verifier),
    returnTo: q.get('return') ?? '/',
    prompt: q.get('prompt') === 'login' ? 'login' : undefined,
  });
  const res = new NextResponse(null, { status: 303, headers: { ...HANDSHAKE_HEADERS, Location: location } });
  const c = stateCookie(verifier, secure);
  res.cookies.set(c.name, c.value, { path: '/', httpOnly: true, sameSite: 'lax', secure: c.secure, maxAge: c.maxAge });
  if (q.get('stale') === '1') {
    // « checked » until the callback says otherwise: a cookie that cannot be dropped never loops.
    res.cookies.set(SSO_CHECKED_COOKIE, '1', { path: '/', maxAge: SSO_CHECKED_SECONDS, httpOnly: true, sameSite: 'lax', secure });
    for (const name of req.cookies.getAll().map((k) => k.name))
      if (isSessionCookie(name)) res.cookies.set(name, '', { path: '/', maxAge: 0, secure: name.startsWith('__Secure-') });
  }
  return res;
}
