import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { ActivateForm } from '@/components/accounts/ActivateForm';
import { ACTIVATION_MESSAGES } from '@/lib/core/sign-in-messages';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';
import { inspectToken } from '@/lib/accounts/activation';

export const metadata: Metadata = { title: 'Activation de votre compte', referrer: 'no-referrer' };

export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inspectToken('ACTIVATION', token.slice(0, 200));
  if (state.status === 'VALID') {
    return (
      <div className="stack">
        <h1>Activation de votre compte</h1>
        <p>
          Compte : <strong>{state.login}</strong>. Saisissez le mot de passe choisi lors de l’inscription pour l’activer ; vous pourrez ensuite vous connecter.
        </p>
        <ActivateForm token={token} />
      </div>
    );
  }
  if (state.status === 'EXPIRED') {
    return (
      <div className="stack">
        <h1>Ce lien d’activation a expiré</h1>
        <Alert tone="error">{ACTIVATION_MESSAGES.EXPIRED}</Alert>
        <ResendActivationForm identifier={state.login} />
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>{state.status === 'USED' ? 'Lien d’activation déjà utilisé' : 'Lien d’activation non valide'}</h1>
      <Alert tone={state.status === 'USED' ? 'info' : 'error'}>{ACTIVATION_MESSAGES[state.status]}</Alert>
      <ul>
        <li><Link href="/connexion">Se connecter</Link></li>
        <li><Link href="/activation">Recevoir un nouvel email d’activation</Link></li>
      </ul>
    </div>
  );
}
