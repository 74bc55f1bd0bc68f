import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/Alert';
import { SignInForm } from '@/components/accounts/SignInForm';
import { safeCallbackUrl } from '@/lib/core/origin';
import { getCurrentUser, requestOrigin } from '@/lib/core/session';
import { platformContinuedTo } from '@/lib/sites/queries';

export const metadata: Metadata = { title: 'Connexion' };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; motdepasse?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl, await requestOrigin()));
  const platform = await platformContinuedTo(safeCallbackUrl(callbackUrl, await requestOrigin()));
  return (
    <div className="stack">
      <h1>Connexion</h1>
      {params.motdepasse === 'modifie' ? <Alert tone="success">Votre mot de passe est modifié. Connectez-vous avec le nouveau.</Alert> : null}
      {platform ? <Alert tone="info">Connectez-vous pour continuer vers la plateforme « {platform} ».</Alert> : null}
      <p>Le même compte fonctionne sur le portail et sur toutes les plateformes de mini-stages des lycées : une seule connexion suffit pour toutes.</p>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="muted">
        Votre établissement n’est pas encore inscrit ? <Link href="/inscription">Inscrivez votre établissement scolaire</Link>.
      </p>
    </div>
  );
}
