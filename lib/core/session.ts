// The Next.js side of "who and where": reads the next-auth session and the Host header, then
// lib/core/actor.ts does the rest. Cached per request. Origins: lib/core/origin.ts, fed the headers.
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth.ts';
import { env } from './env.ts';
import { findSiteByHost, loadActor, type Actor, type CurrentUser } from './actor.ts';
import { platformOrigin as platformOriginOf, portalOrigin as portalOriginOf, trustedOrigin } from './origin.ts';
import type { PortalSession } from './sso.ts';

export type { Actor, CurrentUser } from './actor.ts';

type SessionClaims = { uid?: string; sv?: number; remember?: boolean; loginAt?: number } | null;

const readSession = cache(async () => (await getServerSession(authOptions)) as SessionClaims);

export const getActor = cache(async (): Promise<Actor> => {
  const [s, h] = await Promise.all([readSession(), headers()]);
  const actor = await loadActor({ userId: s?.uid ?? null, sessionVersion: s?.sv ?? 0, host: h.get('host') });
  // A cookie that no longer opens a session (signed out elsewhere, expired, an older version).
  return s && !actor.user ? { ...actor, staleSession: true } : actor;
});

/** The session this request's cookie holds when it is still honoured and current, as the handshake hands it on. */
export async function currentPortalSession(): Promise<PortalSession | null> {
  const [s, actor] = await Promise.all([readSession(), getActor()]);
  if (!s?.uid || !actor.user || typeof s.sv !== 'number') return null;
  return { userId: actor.user.id, sessionVersion: s.sv, remember: !!s.remember, loginAt: Number(s.loginAt ?? 0) };
}

/** The origin of another known host (a platform) with this request's scheme and port (https in production). */
export async function originOfHost(siteHost: string): Promise<string> {
  const { host, forwardedProto } = linkRequest(await headers());
  return platformOriginOf({ siteHost, host, forwardedProto });
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getActor()).user;
}

/**
 * What links are built from. In production (APP_ENV) they are https on the default port whatever
 * the request says: a forged Host port or X-Forwarded-Proto cannot break a reset link or send it
 * over plain HTTP.
 */
function linkRequest(h: Headers): { host: string | null; forwardedProto: string | null } {
  if (!env.isProduction) return { host: h.get('host'), forwardedProto: h.get('x-forwarded-proto') };
  return { host: h.get('host')?.replace(/:\d{1,5}$/, '') ?? null, forwardedProto: 'https' };
}

/** The request's origin (port kept outside production), for building links in emails: the portal or a known platform only. */
export async function requestOrigin(): Promise<string> {
  const { host, forwardedProto } = linkRequest(await headers());
  return trustedOrigin({
    host: host ?? (env.isProduction ? env.rootDomain : `${env.rootDomain}:${process.env.PORT ?? 3000}`),
    forwardedProto,
    rootDomain: env.rootDomain,
    isKnownSite: async (host) => !!(await findSiteByHost(host)),
  });
}

/** The portal's origin seen from the current request (same scheme and port, the root domain). */
export async function portalOrigin(): Promise<string> {
  const { host, forwardedProto } = linkRequest(await headers());
  return portalOriginOf({ host, forwardedProto, rootDomain: env.rootDomain });
}
