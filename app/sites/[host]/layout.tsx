import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { SiteFooter, SiteHeader } from '@/components/ui/SiteHeader';
import { AccountNav } from '@/components/accounts/AccountNav';
import { getActor } from '@/lib/core/session';

// The platform comes from the request's Host (never from the URL segment alone).
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor.site) notFound();
  return (
    <>
      <SiteHeader title={`MINI-STAGE.FR – ${actor.site.name}`} subtitle="Plateforme des mini-stages">
        <AccountNav user={actor.user} />
      </SiteHeader>
      <main id="contenu">{children}</main>
      <SiteFooter />
    </>
  );
}
