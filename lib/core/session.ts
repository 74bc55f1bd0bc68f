// The Next.js side of "who and where": reads the next-auth session and the Host header, then
// lib/core/actor.ts does the rest. Cached per request. Origins: lib/core/origin.ts, fed the headers.
import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth.ts';
import { ACTED_COOKIE } from './acted.ts';
import { env } from './env.ts';
import { findSiteByHost, loadActor, type Actor, type CurrentUser } from './actor.ts';
import { platformOrigin as platformOriginOf, portalOrigin as portalOriginOf, trustedOrigin } from './origin.ts';
import type { PortalSession } from './sso.ts';
import { normalizeHost } from './tenant.ts';
import { NAVIGATION_HEADER, SSO_CHECKED_COOKIE } from './sso-flow.ts';

export type { Actor, CurrentUser } from './actor.ts';

type SessionClaims = { uid?: string; sv?: number; remember?: boolean; loginAt?: number; host?: string | null } | null;

const readSession = cache(async () => (await getServerSession(authOptions)) as SessionClaims);

export const getActor = cache(async (): Promise<Actor> => {
  const [s, h] = await Promise.all([readSession(), headers()]);
  // A token opens a session on the host it was made for only: a copy replayed to another host
  // (the portal, another platform) is nobody's.
  const here = normalizeHost(h.get('host'));
  const userId = s?.uid && s.host && s.host === here ? s.uid : null;
  const actor = await loadActor({ userId, sessionVersion: s?.sv ?? 0, host: h.get('host') });
  // A cookie that no longer opens a session (signed out elsewhere, expired, an older version).
  return s && !actor.user ? { ...actor, staleSession: true } : actor;
});

/**
 * The signed-in person of this request acted a few seconds ago (the « just acted » cookie,
 * lib/core/acted.ts): their pages read the database rather than the shared answers
 * (lib/core/shared-reads.ts). Nobody else's does — a stranger's copy of the cookie counts for nothing.
 */
export const freshReads = cache(async (): Promise<boolean> => {
  if (env.sharedReadMs <= 0) return false; // nothing is shared: nothing to read afresh
  const [jar, actor] = await Promise.all([cookies(), getActor()]);
  return jar.has(ACTED_COOKIE) && !!actor.user;
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

/**
 * Where a platform page load goes instead, when the browser's session cookie stopped working (signed
 * out on another host, expired, an older version): /api/sso/start drops it and asks the portal again.
 * Page loads only (the proxy's navigation header), never an action; not twice within « checked ».
 */
export async function sessionRestart(actor: Actor): Promise<string | null> {
  if (!actor.staleSession) return null;
  const [h, c] = await Promise.all([headers(), cookies()]);
  const navigation = h.get(NAVIGATION_HEADER);
  if (!navigation || c.has(SSO_CHECKED_COOKIE)) return null;
  return `/api/sso/start?stale=1&return=${encodeURIComponent(navigation)}`;
}
