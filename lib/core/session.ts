// The Next.js side of "who and where": reads the next-auth session and the Host header, then
// lib/core/actor.ts does the rest. Cached per request.
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth.ts';
import { env } from './env.ts';
import { loadActor, requestScheme, trustedOrigin, type Actor, type CurrentUser } from './actor.ts';

export type { Actor, CurrentUser, CurrentMember, CurrentSite } from './actor.ts';

export const getActor = cache(async (): Promise<Actor> => {
  const [session, h] = await Promise.all([getServerSession(authOptions), headers()]);
  const s = session as { uid?: string; sv?: number } | null;
  return loadActor({ userId: s?.uid ?? null, sessionVersion: s?.sv ?? 0, host: h.get('host') });
});

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getActor()).user;
}

/** The request's origin (port kept), for building links in emails: the portal or a known platform only. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('host') ?? `${env.rootDomain}:${process.env.PORT ?? 3000}`;
  return trustedOrigin(host, h.get('x-forwarded-proto'));
}

/** The portal's origin seen from the current request (same scheme and port, the root domain). */
export async function portalOrigin(): Promise<string> {
  const h = await headers();
  const port = (h.get('host') ?? '').match(/:(\d{1,5})$/)?.[1];
  const proto = requestScheme(h.get('x-forwarded-proto'));
  return `${proto}://${env.rootDomain}${port ? `:${port}` : ''}`;
}
