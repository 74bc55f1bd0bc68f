// The operator's side: creating a lycée's platform (name, subdomain, custom domains, logo) and
// keeping its domains. Only for platform:operate (checked by the actions); each change is audited
// (`platform.create`, `platform.update`: the operator, the platform, in the same transaction).
import type { z } from 'zod';
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { sitesChanged } from '../core/site-cache.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors.ts';
import { normalizeUai } from '../reference/uai.ts';
import { recordAudit } from '../audit/service.ts';
import type { platformSchema, platformUpdateSchema } from './schema.ts';
import * as clock from '../core/clock.ts';
import type { Prisma } from '../generated/prisma/client.ts';

const SLUG_TAKEN = 'Ce sous-domaine est déjà pris par une autre plateforme : choisissez-en un autre.';
const DOMAIN_TAKEN = 'Un de ces domaines est déjà utilisé par une autre plateforme.';

function checkDomains(domains: string[]) {
  const root = env.rootDomain;
  const bad = domains.find((d) => d === root || d.endsWith(`.${root}`));
  if (bad) {
    const msg = `« ${bad} » appartient au domaine de ministage : la plateforme y est déjà servie par son sous-domaine.`;
    throw invalid(msg, { domains: [msg] });
  }
}

async function checkDomainsFree(domains: string[], siteId?: string) {
  const taken = await prisma.siteDomain.findMany({ where: { host: { in: domains }, ...(siteId ? { siteId: { not: siteId } } : {}) }, select: { host: true } });
  if (taken.length) throw conflict(DOMAIN_TAKEN, { domains: taken.map((t) => `« ${t.host} » est déjà utilisé par une autre plateforme.`) });
}

/** A race lost on a unique index (slug or host): the constraint name says which. */
function mapUnique(err: unknown): never {
  if (isUniqueViolation(err)) {
    const meta = JSON.stringify((err as { meta?: unknown }).meta ?? {});
    if (/Site_slug_key|"fields":\["slug"\]/.test(meta)) throw conflict(SLUG_TAKEN, { slug: [SLUG_TAKEN] });
    if (/Site_establishmentId_key|establishmentId/.test(meta))
      throw conflict('Ce lycée a déjà sa plateforme : modifiez-la plutôt.', { uai: ['Ce lycée a déjà sa plateforme.'] });
    throw conflict(DOMAIN_TAKEN, { domains: [DOMAIN_TAKEN] });
  }
  throw err;
}

export async function createPlatform(input: z.output<typeof platformSchema>, actorId: string) {
  const uai = normalizeUai(input.uai);
  const lycee = await prisma.establishment.findUnique({ where: { uai }, select: { id: true, kind: true, name: true } });
  if (!lycee) throw invalid('Aucun établissement de l’annuaire ne porte ce code UAI.', { uai: ['Code UAI inconnu de l’annuaire.'] });
  if (lycee.kind !== 'LYCEE')
    throw invalid(`${lycee.name} n’est pas un lycée : une plateforme de mini-stages est ouverte pour un lycée.`, { uai: ['Ce n’est pas un lycée.'] });
  const existing = await prisma.site.findFirst({ where: { establishmentId: lycee.id }, select: { name: true, slug: true } });
  if (existing) {
    const msg = `Ce lycée a déjà sa plateforme : « ${existing.name} » (${existing.slug}). Modifiez-la plutôt, par exemple pour lui ajouter un domaine.`;
    throw conflict(msg, { uai: [msg] });
  }
  checkDomains(input.domains);
  if (await prisma.site.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw conflict(SLUG_TAKEN, { slug: [SLUG_TAKEN] });
  await checkDomainsFree(input.domains);
  try {
    return await prisma.$transaction(async (tx) => {
      const site = await tx.site.create({
        data: {
          establishmentId: lycee.id,
          name: input.name,
          slug: input.slug,
          logoUrl: input.logoUrl || null,
          domains: { create: input.domains.map((host) => ({ host })) },
        },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        actorId,
        action: 'platform.create',
        siteId: site.id,
        establishmentId: lycee.id,
        targetType: 'Site',
        targetId: site.id,
        data: { uai, name: input.name, slug: input.slug, domains: input.domains },
      });
      return site;
    });
  } catch (err) {
    mapUnique(err);
  } finally {
    sitesChanged(); // a host that answered « no such platform » a moment ago now has one
  }
}

export async function updatePlatform(input: z.output<typeof platformUpdateSchema>, actorId: string) {
  checkDomains(input.domains);
  await checkDomainsFree(input.domains, input.id);
  const slugOwner = await prisma.site.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== input.id) throw conflict(SLUG_TAKEN, { slug: [SLUG_TAKEN] });
  try {
    return await prisma.$transaction(async (tx) => {
      const site = await tx.site.findUnique({ where: { id: input.id }, select: { id: true } });
      if (!site) throw notFound('Plateforme');
      await tx.siteDomain.deleteMany({ where: { siteId: site.id, host: { notIn: input.domains } } });
      for (const host of input.domains) {
        const other = await tx.siteDomain.findUnique({ where: { host }, select: { siteId: true } });
        if (other && other.siteId !== site.id) throw conflict(DOMAIN_TAKEN, { domains: [`« ${host} » est déjà utilisé par une autre plateforme.`] });
        if (!other) await tx.siteDomain.create({ data: { siteId: site.id, host } });
      }
      const data = { name: input.name, slug: input.slug, logoUrl: input.logoUrl || null, active: input.active };
      const updated = await tx.site.update({ where: { id: site.id }, data, select: { id: true, slug: true } });
      await recordAudit(tx, { actorId, action: 'platform.update', siteId: site.id, targetType: 'Site', targetId: site.id, data: { ...data, domains: input.domains } });
      return updated;
    });
  } catch (err) {
    mapUnique(err);
  } finally {
    sitesChanged(); // its name, slug, domains, open or closed: at once in this instance
  }
}

/** What the operator's pages show of a platform. */
const platformSelect = {
  id: true,
  name: true,
  slug: true,
  active: true,
  logoUrl: true,
  domains: { select: { host: true }, orderBy: { host: 'asc' } },
  establishment: { select: { uai: true, name: true, city: true } },
} satisfies Prisma.SiteSelect;

export async function listPlatforms() {
  return prisma.site.findMany({
    orderBy: { name: 'asc' },
    select: { ...platformSelect, _count: { select: { memberships: true, stages: true } } },
  });
}

export async function getPlatform(id: string) {
  const site = await prisma.site.findUnique({ where: { id }, select: platformSelect });
  if (!site) throw notFound('Plateforme');
  return site;
}

/** The platform's team and its pending invitations (for the operator and the site's admins). */
export async function siteTeam(siteId: string, now = clock.now()) {
  const [members, invitations] = await Promise.all([
    prisma.siteMembership.findMany({
      where: { siteId },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, role: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    }),
    prisma.invitation.findMany({
      where: { siteId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, siteRole: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}
