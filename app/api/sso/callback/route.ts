// A platform's side of the one sign-in (lib/core/sso-flow.ts): the portal sent the browser back here,
// with a one-time code when it has a session. The code is redeemed on the server (lib/core/sso.ts)
// for this host and this browser's state cookie; the platform then sets its own host-only session.
import { headers } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { platformSessionToken } from '@/lib/core/session-token';
import { callback } from '@/lib/core/sso';
import { guardRoute } from '@/lib/core/route';
import { HANDSHAKE_HEADERS, SSO_CHECKED_COOKIE, SSO_CHECKED_SECONDS, handshakePage, isState, sessionCookieName, stateCookieName } from '@/lib/core/sso-flow';

export const dynamic = 'force-dynamic';

function stateCookieFor(req: NextRequest, state: string | null): string | null {
  return isState(state) ? (req.cookies.get(stateCookieName(state))?.value ?? null) : null;
}

export async function GET(req: NextRequest): Promise<Response> {
  return guardRoute(
    'sso',
    () => redeem(req),
    (body, status) => handshakePage(status, body),
  );
}

async function redeem(req: NextRequest): Promise<Response> {
  const h = await headers();
  const q = req.nextUrl.searchParams;
  const outcome = await callback({
    host: h.get('host'),
    state: q.get('state'),
    code: q.get('code'),
    returnTo: q.get('return'),
    verifier: stateCookieFor(req, q.get('state')),
  });
  if (outcome.refusal === 'unknown-platform') return handshakePage(404, 'Cette plateforme n’existe pas sur ministage.');
  if (outcome.refusal && outcome.refusal !== 'no-state-cookie') console.warn('[sso] code refused:', outcome.refusal);
  const proto = h.get('x-forwarded-proto');
  const cookieName = sessionCookieName(proto);
  const secure = cookieName.startsWith('__Secure-');
  // Relative Location: the browser stays on this host whatever the Host header said.
  const res = new NextResponse(null, { status: 303, headers: { ...HANDSHAKE_HEADERS, Location: outcome.location } });
  const state = q.get('state');
  if (isState(state)) res.cookies.set(stateCookieName(state), '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure });
  if (outcome.session) {
    const { value, maxAge } = await platformSessionToken(outcome.session);
    res.cookies.set(cookieName, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
    res.cookies.set(SSO_CHECKED_COOKIE, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure });
  } else if (outcome.ours) {
    // Only this browser's own handshake says « checked » (a link from elsewhere cannot turn it off).
    res.cookies.set(SSO_CHECKED_COOKIE, '1', { path: '/', maxAge: SSO_CHECKED_SECONDS, httpOnly: true, sameSite: 'lax', secure });
  }
  return res;
}
