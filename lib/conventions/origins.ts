// Where a convention's links point: its platform's address (signature and verification pages) and the
// portal (the collège's pages), seen from the current request, or from the server for background work.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { siteOrigin } from '../core/origin.ts';
import { portalOrigin } from '../core/session.ts';
import type { Origins } from './content.ts';
import { backgroundOrigin } from '../enrolments/convocations.ts';

async function siteAddress(siteId: string) {
  return prisma.site.findUniqueOrThrow({ where: { id: siteId }, select: { slug: true, domains: { select: { host: true }, take: 1, orderBy: { host: 'asc' } } } });
}

/** From a request (a page, an action, a route handler). */
export async function requestOrigins(siteId: string): Promise<Origins> {
  const portal = await portalOrigin();
  return { portal, site: siteOrigin(await siteAddress(siteId), portal, env.rootDomain) };
}

/** From the server (the background tick): the same addresses as the convocations' (backgroundOrigin). */
export async function backgroundOrigins(siteId: string): Promise<Origins> {
  const site = backgroundOrigin(await siteAddress(siteId));
  const u = new URL(site);
  return { site, portal: `${u.protocol}//${env.rootDomain}${u.port ? `:${u.port}` : ''}` };
}
