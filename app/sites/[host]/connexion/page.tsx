import { redirect } from 'next/navigation';
import { returnPath } from '@/lib/core/sso-flow';
import { getActor } from '@/lib/core/session';

// The portal holds the credentials (one sign-in for every platform): « Connexion » on a platform goes
// through the portal's form, or straight back when the portal already has a session, then returns here.
export default async function SiteSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const actor = await getActor();
  const raw = (await searchParams).callbackUrl;
  const back = returnPath(Array.isArray(raw) ? raw[0] : raw);
  if (actor.user) redirect(back);
  redirect(`/api/sso/start?prompt=login&return=${encodeURIComponent(back)}`);
}
