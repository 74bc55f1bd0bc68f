import { redirect } from 'next/navigation';
import { requestOrigin } from '@/lib/core/session';
import { portalOrigin } from '@/lib/sites/portal-links';

// Account pages live on the portal: a platform's links lead there.
export default async function Page() {
  redirect(`${portalOrigin(await requestOrigin())}/inscription`);
}
