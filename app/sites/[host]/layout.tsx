import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { SiteFooter } from '@/components/ui/SiteHeader';
import { AccountNav } from '@/components/accounts/AccountNav';
import { PlatformHeader } from '@/components/sites/PlatformHeader';
import { SiteTabs } from '@/components/sites/SiteTabs';
import { getActor } from '@/lib/core/session';
import { siteHeader } from '@/lib/sites/queries';

function roleLabel(roles: readonly string[], college: string | null): string | null {
  if (roles.includes('SITE_ADMIN')) return 'Administrateur de la plateforme';
  if (roles.includes('SITE_TEACHER')) return 'Enseignant du lycée';
  return college;
}

// The platform comes from the request's Host (never from the URL segment alone).
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor.site) notFound();
  const header = await siteHeader(actor.site.id);
  return (
    <>
      <PlatformHeader name={header?.name ?? actor.site.name} logoUrl={header?.logoUrl ?? null} role={roleLabel(actor.roles, actor.member?.establishmentName ?? null)}>
        <AccountNav user={actor.user} />
      </PlatformHeader>
      <SiteTabs />
      <main id="contenu">{children}</main>
      <SiteFooter />
    </>
  );
}
