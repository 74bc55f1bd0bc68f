import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { ActivateForm } from '@/components/accounts/ActivateForm';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';
import { LINK_TEXTS, linkMessage } from '@/lib/core/links';
import { readAccountLink } from '@/lib/accounts/queries';

export const metadata: Metadata = { title: 'Activation de votre compte', referrer: 'no-referrer' };

const TEXTS = LINK_TEXTS.activation;

export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await readAccountLink('activation', token);
  if (link.state === 'valid') {
    return (
      <div className="stack">
        <h1>Activation de votre compte</h1>
        <p>
          Compte : <strong>{link.login}</strong>. Saisissez le mot de passe choisi lors de l’inscription pour l’activer ; vous pourrez ensuite vous connecter.
        </p>
        <ActivateForm token={token} />
      </div>
    );
  }
  if (link.state === 'expired') {
    return (
      <div className="stack">
        <h1>{TEXTS.titles?.expired}</h1>
        <Alert tone="error">{TEXTS.messages.expired}</Alert>
        <ResendActivationForm identifier={link.login} />
      </div>
    );
  }
  const used = link.state === 'used' || link.state === 'revoked';
  return (
    <div className="stack">
      <h1>{TEXTS.titles?.[link.state]}</h1>
      <Alert tone={used ? 'info' : 'error'}>{linkMessage('activation', link)}</Alert>
      <ul>
        <li>
          <Link href="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link href="/activation">Recevoir un nouvel email d’activation</Link>
        </li>
      </ul>
    </div>
  );
}
