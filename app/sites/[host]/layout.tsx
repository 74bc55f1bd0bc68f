import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/ui/SiteHeader';
import { AccountNav } from '@/components/accounts/AccountNav';
import { PlatformHeader } from '@/components/sites/PlatformHeader';
import { SiteTabs } from '@/components/sites/SiteTabs';
import { redirect } from 'next/navigation';
import { requireSite } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';
import { sessionRestart } from '@/lib/core/session';
import { siteHeader } from '@/lib/sites/queries';

function roleLabel(roles: readonly string[], college: string | null): string | null {
  if (roles.includes('SITE_ADMIN')) return 'Administrateur de la plateforme';
  if (roles.includes('SITE_TEACHER')) return 'Enseignant du lycée';
  return college;
}

// The platform comes from the request's Host (never from the URL segment alone).
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { actor, site } = await requireSite();
  // A session cookie that stopped working: drop it and ask the portal again (page loads only).
  const restart = await sessionRestart(actor);
  if (restart) redirect(restart);
  const header = await siteHeader(site.id);
  return (
    <>
      <PlatformHeader name={header?.name ?? site.name} logoUrl={header?.logoUrl ?? null} role={roleLabel(actor.roles, actor.member?.establishmentName ?? null)}>
        <AccountNav user={actor.user} />
      </PlatformHeader>
      <SiteTabs admin={can(actor, 'audit:view-site')} />
      <main id="contenu">{children}</main>
      <SiteFooter />
    </>
  );
}
