import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { ResetPasswordForm } from '@/components/accounts/ResetPasswordForm';
import { inspectToken } from '@/lib/accounts/activation';
import { resetLinkMessage } from '@/lib/accounts/passwords';

export const metadata: Metadata = { title: 'Choisir un nouveau mot de passe', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inspectToken('PASSWORD_RESET', token.slice(0, 200));
  if (state.status !== 'VALID') {
    return (
      <div className="stack">
        <h1>Lien de réinitialisation {state.status === 'EXPIRED' ? 'expiré' : state.status === 'USED' ? 'déjà utilisé' : 'non valide'}</h1>
        <Alert tone="error">{resetLinkMessage(state.status)}</Alert>
        <p><Link href="/mot-de-passe-oublie">Recevoir un nouveau lien de réinitialisation</Link></p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>Choisir un nouveau mot de passe</h1>
      <p>
        Compte : <strong>{state.login}</strong>. Une fois le mot de passe enregistré, les sessions ouvertes sur d’autres appareils seront
        fermées.
      </p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
