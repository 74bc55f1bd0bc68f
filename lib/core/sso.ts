// One sign-in across every platform: the server half of the handshake (lib/core/sso-flow.ts draws it).
// The portal issues a one-time code for a signed-in person, bound to the platform's host and to the
// state the platform put in its own cookie; the platform's callback redeems it here, on the server
// (portal and platforms share this database: the exchange is server-side, the browser only carries
// the code), and mints its own host-only next-auth cookie. Only the code's SHA-256 is stored; a code
// lives under a minute and is burnt by its first use, even a refused one.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { prisma } from './db.ts';
import * as clock from './clock.ts';
import { findSiteByHost, loadUser } from './actor.ts';
import { normalizeHost } from './tenant.ts';
import { RULES, take } from './throttle.ts';
import { authorizePath, callbackUrl, isState, returnPath, stateOf, withSkip } from './sso-flow.ts';

export const SIGN_IN_CODE_TTL_MS = 50_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The portal session the code carries over: who, which session version, « Maintenir ma connexion », when they signed in. */
export type PortalSession = { userId: string; sessionVersion: number; remember: boolean; loginAt: number };

export async function issueSignInCode(session: PortalSession, host: string, state: string): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const now = clock.now();
  // Old codes go with the new ones (cheap, indexed): the table stays a minute's worth.
  await prisma.signInCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60 * 60_000) } } });
  await prisma.signInCode.create({
    data: {
      codeHash: sha256(code),
      host,
      stateHash: sha256(state),
      userId: session.userId,
      sessionVersion: session.sessionVersion,
      remember: session.remember,
      loginAt: session.loginAt,
      expiresAt: new Date(now.getTime() + SIGN_IN_CODE_TTL_MS),
    },
  });
  return code;
}

type RedeemRefusal = 'unknown' | 'used' | 'expired' | 'wrong-host' | 'wrong-state' | 'account';
export type Redeemed = { ok: true; session: PortalSession; login: string } | { ok: false; reason: RedeemRefusal };

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Redeems a code on `host` for `state` (the platform's own cookie). The first attempt burns it,
 * whatever its outcome: a code tried on the wrong host or with the wrong state is gone.
 */
export async function redeemSignInCode(code: string, host: string, state: string): Promise<Redeemed> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return { ok: false, reason: 'unknown' };
  const now = clock.now();
  const codeHash = sha256(code);
  const burnt = await prisma.signInCode.updateManyAndReturn({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
  const row = burnt[0];
  if (!row) return { ok: false, reason: (await prisma.signInCode.count({ where: { codeHash } })) ? 'used' : 'unknown' };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (row.host !== normalizeHost(host)) return { ok: false, reason: 'wrong-host' };
  if (!sameHash(row.stateHash, sha256(state))) return { ok: false, reason: 'wrong-state' };
  // The account may have changed in the meantime (signed out everywhere, disabled): ask again.
  const user = await loadUser(row.userId, row.sessionVersion);
  if (!user) return { ok: false, reason: 'account' };
  return { ok: true, login: user.login, session: { userId: row.userId, sessionVersion: row.sessionVersion, remember: row.remember, loginAt: row.loginAt } };
}

// ───────────────────────────── the two decisions ─────────────────────────────

export type AuthorizeInput = {
  /** The query of /api/sso/authorize as received. */
  host: string | null;
  state: string | null;
  returnTo: string | null;
  prompt: string | null;
  /** The portal's session (already checked: honoured, current version), or null. */
  session: PortalSession | null;
  /** https://<platform host>[:port] for a known platform host (the caller keeps the request's scheme and port). */
  originOf: (siteHost: string) => string | Promise<string>;
};

export type AuthorizeOutcome = { kind: 'redirect'; location: string } | { kind: 'unknown-platform' } | { kind: 'bad-request' } | { kind: 'throttled' };

/**
 * The portal's side. Only a platform the operator created (an active site's slug host or custom
 * domain) can receive a code or even a redirect: anything else is answered on the portal itself.
 */
export async function authorize(input: AuthorizeInput): Promise<AuthorizeOutcome> {
  if (!isState(input.state) || !input.host || input.host.length > 253) return { kind: 'bad-request' };
  const site = await findSiteByHost(input.host);
  if (!site) return { kind: 'unknown-platform' };
  const back = returnPath(input.returnTo);
  const origin = await input.originOf(site.host);
  if (input.session) {
    if (!(await take(`sso:${input.session.userId}`, RULES.signInCodes))) return { kind: 'throttled' };
    const code = await issueSignInCode(input.session, site.host, input.state);
    return { kind: 'redirect', location: callbackUrl(origin, { state: input.state, returnTo: back, code }) };
  }
  if (input.prompt === 'login') {
    // The portal's sign-in form, then this same authorize URL again (a portal path: same origin).
    const again = authorizePath({ host: site.host, state: input.state, returnTo: back, prompt: 'login' });
    return { kind: 'redirect', location: `/connexion?callbackUrl=${encodeURIComponent(again)}` };
  }
  return { kind: 'redirect', location: callbackUrl(origin, { state: input.state, returnTo: back }) };
}

export type CallbackInput = {
  /** The request's Host (the platform). */
  host: string | null;
  state: string | null;
  code: string | null;
  returnTo: string | null;
  /** The verifier in this browser's cookie for that state (lib/core/sso-flow.ts `stateCookieName`), or null. */
  verifier: string | null;
};

export type CallbackOutcome = {
  /** Where the browser goes now (a path of this platform). */
  location: string;
  /** The session to mint here, when the code was good. */
  session: (PortalSession & { login: string; host: string }) | null;
  /** This browser started the handshake (its verifier matches the state): « checked » may be set. */
  ours: boolean;
  /** Why no session, for the log (a browser without a portal session is not a refusal). */
  refusal: RedeemRefusal | 'no-state-cookie' | 'state-mismatch' | 'unknown-platform' | null;
};

/**
 * The platform's side. A code is burnt as soon as it arrives, whatever follows; it opens a session
 * only for the browser whose cookie holds the verifier of the state, on the host it was issued for.
 */
export async function callback(input: CallbackInput): Promise<CallbackOutcome> {
  const back = returnPath(input.returnTo);
  const site = input.host ? await findSiteByHost(input.host) : null;
  if (!site) return { location: '/', session: null, ours: false, refusal: 'unknown-platform' };
  // Burnt on arrival, even with a missing or malformed state (it then fails the state check).
  const redeemed = input.code ? await redeemSignInCode(input.code, site.host, isState(input.state) ? input.state : '') : null;
  // No verifier came back: not this browser's handshake, or a browser that keeps no cookies — stop asking (?ms_sso=0).
  if (!input.verifier) return { location: withSkip(back), session: null, ours: false, refusal: 'no-state-cookie' };
  if (!isState(input.state) || !sameHash(stateOf(input.verifier), input.state)) return { location: back, session: null, ours: false, refusal: 'state-mismatch' };
  if (!input.code) return { location: back, session: null, ours: true, refusal: null };
  if (!redeemed?.ok) return { location: back, session: null, ours: true, refusal: redeemed?.reason ?? 'unknown' };
  return { location: back, session: { ...redeemed.session, login: redeemed.login, host: site.host }, ours: true, refusal: null };
}
