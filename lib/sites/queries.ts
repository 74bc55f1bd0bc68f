// Read models of a platform for its pages: header, options, contacts.
import { findSiteByHost } from '../core/actor.ts';
import { prisma } from '../core/db.ts';
import { siteById } from '../core/site-cache.ts';
import { notFound } from '../core/errors.ts';

/** The platform's name and logo for its header (from this process's copy of the platforms). */
export async function siteHeader(siteId: string) {
  const site = await siteById(siteId);
  return site ? { name: site.name, logoUrl: site.logoUrl } : null;
}

export async function siteOptions(siteId: string) {
  const site = await prisma.site.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      name: true,
      slug: true,
      logoUrl: true,
      conventionReturn: true,
      conventionText: true,
      domains: { select: { host: true }, orderBy: { host: 'asc' } },
      establishment: { select: { uai: true, name: true, city: true } },
    },
  });
  if (!site) throw notFound('Plateforme');
  return site;
}

export async function listContacts(siteId: string) {
  return prisma.contact.findMany({
    where: { siteId },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, role: true, email: true, phone: true, position: true },
  });
}

/** The name of the platform a sign-in continues to (the portal's form says where the person goes next). */
export async function platformContinuedTo(callbackUrl: string | undefined): Promise<string | null> {
  if (!callbackUrl?.startsWith('/api/sso/authorize?')) return null;
  const host = new URLSearchParams(callbackUrl.slice(callbackUrl.indexOf('?') + 1)).get('host');
  return host ? ((await findSiteByHost(host))?.name ?? null) : null;
}
