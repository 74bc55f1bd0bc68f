import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { ResetPasswordForm } from '@/components/accounts/ResetPasswordForm';
import { LINK_TEXTS, linkMessage } from '@/lib/core/links';
import { readAccountLink } from '@/lib/accounts/queries';

export const metadata: Metadata = { title: 'Choisir un nouveau mot de passe', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await readAccountLink('password-reset', token);
  if (link.state !== 'valid') {
    return (
      <div className="stack">
        <h1>{LINK_TEXTS['password-reset'].titles?.[link.state]}</h1>
        <Alert tone="error">{linkMessage('password-reset', link)}</Alert>
        <p>
          <Link href="/mot-de-passe-oublie">Recevoir un nouveau lien de réinitialisation</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>Choisir un nouveau mot de passe</h1>
      <p>
        Compte : <strong>{link.login}</strong>. Une fois le mot de passe enregistré, les sessions ouvertes sur d’autres appareils seront fermées.
      </p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
