import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/ui/SiteHeader';
import { AccountNav } from '@/components/accounts/AccountNav';
import { getCurrentUser } from '@/lib/core/session';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <SiteHeader title="ministage" subtitle="Mini-stages des lycées pour les collégiens">
        <AccountNav user={user} />
      </SiteHeader>
      <main id="contenu">{children}</main>
      <SiteFooter />
    </>
  );
}
