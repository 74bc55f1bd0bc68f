// The session token's lifetimes and the token a platform mints after the handshake (lib/core/sso.ts).
// Apart from auth.ts so that it loads without next-auth's adapter (tests, scripts).
import { encode } from 'next-auth/jwt';
import * as clock from './clock.ts';

export const SHORT_SESSION = 12 * 60 * 60; // 12 h without « Maintenir ma connexion »
export const LONG_SESSION = 30 * 24 * 60 * 60; // 30 days with it

/**
 * The next-auth session a platform sets for itself after the handshake: the same claims as the
 * portal's token (same person, same session version, same « Maintenir ma connexion », same sign-in
 * time), so signing out anywhere ends it too; bound to the platform's host. The cookie lasts as long as the
 * portal's is honoured.
 */
export async function platformSessionToken(s: { userId: string; sessionVersion: number; remember: boolean; loginAt: number; login: string; host: string }) {
  const now = Math.floor(clock.nowMs() / 1000);
  const maxAge = s.remember ? LONG_SESSION : Math.max(0, s.loginAt + SHORT_SESSION - now);
  // `host`: the token opens a session on this host only (lib/core/session.ts), whoever replays it elsewhere.
  const token = { uid: s.userId, sv: s.sessionVersion, login: s.login, remember: s.remember, loginAt: s.loginAt, host: s.host };
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET manquant : la session ne peut pas être créée.');
  const value = await encode({ token, secret, maxAge: LONG_SESSION });
  return { value, maxAge };
}
