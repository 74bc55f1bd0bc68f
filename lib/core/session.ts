// The Next.js side of "who and where": reads the next-auth session and the Host header, then
// lib/core/actor.ts does the rest. Cached per request. Origins: lib/core/origin.ts, fed the headers.
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth.ts';
import { env } from './env.ts';
import { findSiteByHost, loadActor, type Actor, type CurrentUser } from './actor.ts';
import { portalOrigin as portalOriginOf, trustedOrigin } from './origin.ts';

export type { Actor, CurrentUser } from './actor.ts';

export const getActor = cache(async (): Promise<Actor> => {
  const [session, h] = await Promise.all([getServerSession(authOptions), headers()]);
  const s = session as { uid?: string; sv?: number } | null;
  return loadActor({ userId: s?.uid ?? null, sessionVersion: s?.sv ?? 0, host: h.get('host') });
});

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
