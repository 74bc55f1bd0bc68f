import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Alert } from '@/components/ui/Alert';
import { AcceptInvitationForm } from '@/components/team/AcceptInvitationForm';
import { acceptInvitationExistingAction, acceptInvitationNewAction } from '@/lib/team/actions';
import { viewInvitation } from '@/lib/team/accept';
import { roleLabel } from '@/lib/team/schema';
import { LINK_TEXTS, linkMessage } from '@/lib/core/links';
import { decodeParam } from '@/lib/core/text';

export const metadata: Metadata = { title: 'Invitation à rejoindre une équipe', referrer: 'no-referrer' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const view = await viewInvitation(decodeParam(token));
  if (view.state !== 'valid') {
    return (
      <div className="stack">
        <h1>Invitation</h1>
        <Alert tone="error" title={LINK_TEXTS['staff-invitation'].titles?.[view.state]}>
          {linkMessage('staff-invitation', view)}
        </Alert>
        <p>
          <Link href="/connexion">Se connecter</Link> · <Link href="/">Accueil</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>Rejoindre l’équipe du {view.establishmentName}</h1>
      <p>
        Vous êtes invité(e) en tant que <strong>{roleLabel(view.link.staffRole)}</strong>
        {view.establishmentCity ? ` au ${view.establishmentName} (${view.establishmentCity})` : ''}. Ce lien ne sert qu’une fois.
      </p>
      <AcceptInvitationForm
        token={decodeParam(token)}
        email={view.link.email}
        account={view.account}
        acceptNew={acceptInvitationNewAction}
        acceptExisting={acceptInvitationExistingAction}
      />
    </div>
  );
}
