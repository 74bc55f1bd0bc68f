import { redirect } from 'next/navigation';
import { portalOrigin } from '@/lib/core/session';

// Account pages live on the portal: a platform's links lead there.
export default async function Page() {
  redirect(`${await portalOrigin()}/creer-mon-compte`);
}
