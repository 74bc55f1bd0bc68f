import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/accounts/SignInForm';
import { safeCallbackUrl } from '@/lib/core/origin';
import { getActor, requestOrigin } from '@/lib/core/session';

export const metadata: Metadata = { title: 'Connexion' };

// Sessions are per host: a lycée platform signs people in on its own address, with the same account.
export default async function SiteSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const actor = await getActor();
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = Array.isArray(raw) ? raw[0] : raw;
  if (actor.user) redirect(safeCallbackUrl(callbackUrl, await requestOrigin()));
  return (
    <div className="stack">
      <h1>Connexion</h1>
      <p>Connectez-vous à la plateforme {actor.site?.name} avec votre compte ministage : le même compte sert au portail et à toutes les plateformes des lycées.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
