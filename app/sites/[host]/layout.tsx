import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/ui/SiteHeader';
import { AccountNav } from '@/components/accounts/AccountNav';
import { PlatformHeader } from '@/components/sites/PlatformHeader';
import { SiteTabs } from '@/components/sites/SiteTabs';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireSite } from '@/lib/core/guards';
import { NAVIGATION_HEADER, SSO_CHECKED_COOKIE } from '@/lib/core/sso-flow';
import { siteHeader } from '@/lib/sites/queries';

function roleLabel(roles: readonly string[], college: string | null): string | null {
  if (roles.includes('SITE_ADMIN')) return 'Administrateur de la plateforme';
  if (roles.includes('SITE_TEACHER')) return 'Enseignant du lycée';
  return college;
}

// The platform comes from the request's Host (never from the URL segment alone).
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { actor, site } = await requireSite();
  // A session cookie that stopped working (signed out on another platform, then perhaps signed in
  // again on the portal): drop it and ask the portal again — on page loads only (never an action).
  const navigation = (await headers()).get(NAVIGATION_HEADER);
  if (actor.staleSession && navigation && !(await cookies()).has(SSO_CHECKED_COOKIE)) redirect(`/api/sso/start?stale=1&return=${encodeURIComponent(navigation)}`);
  const header = await siteHeader(site.id);
  return (
    <>
      <PlatformHeader name={header?.name ?? site.name} logoUrl={header?.logoUrl ?? null} role={roleLabel(actor.roles, actor.member?.establishmentName ?? null)}>
        <AccountNav user={actor.user} />
      </PlatformHeader>
      <SiteTabs />
      <main id="contenu">{children}</main>
      <SiteFooter />
    </>
  );
}
