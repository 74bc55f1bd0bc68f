import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/Alert';
import { SignOutButton } from '@/components/accounts/SignOutButton';
import { AcceptInvitationButton, InvitationAccountForm } from '@/components/sites/InvitationAccept';
import { getActor } from '@/lib/core/session';
import { acceptSiteInvitationAction, createAccountFromInvitationAction } from '@/lib/sites/actions';
import { INVITATION_MESSAGES, readInvitation } from '@/lib/sites/invitations';

export const metadata: Metadata = { title: 'Invitation sur la plateforme', referrer: 'no-referrer' };

const ROLE = { ADMIN: 'administrateur', TEACHER: 'enseignant' } as const;

export default async function SiteInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const actor = await getActor();
  if (!actor.site) notFound();
  const { token } = await params;
  const inv = await readInvitation(token.slice(0, 200), actor.site.id);
  const title = <h1>Invitation sur la plateforme {actor.site.name}</h1>;
  if (inv.state !== 'valid') {
    return (
      <div className="stack">
        {title}
        <Alert tone="error">{INVITATION_MESSAGES[inv.state]}</Alert>
        <p><Link href="/">Aller au tableau de bord de la plateforme</Link></p>
      </div>
    );
  }
  const self = `/invitation-plateforme/${token}`;
  return (
    <div className="stack">
      {title}
      <p>Vous êtes invité(e) à rejoindre l’équipe de la plateforme en tant que <strong>{ROLE[inv.role]}</strong> ({inv.email}).</p>
      {actor.user ? (
        actor.user.email?.toLowerCase() === inv.email ? (
          <AcceptInvitationButton action={acceptSiteInvitationAction} token={token} />
        ) : (
          <>
            <Alert tone="warning">
              Vous êtes connecté(e) avec {actor.user.email ?? actor.user.login}, mais cette invitation est adressée à {inv.email}. Déconnectez-vous, puis rouvrez ce lien.
            </Alert>
            <SignOutButton />
          </>
        )
      ) : inv.accountExists ? (
        <p>
          Un compte existe déjà pour {inv.email}.{' '}
          <Link href={`/connexion?callbackUrl=${encodeURIComponent(self)}`}>Connectez-vous</Link> sur cette plateforme pour accepter l’invitation.
        </p>
      ) : (
        <>
          <p>Créez votre compte : le lien reçu par email prouve votre adresse, il sera actif tout de suite.</p>
          <InvitationAccountForm action={createAccountFromInvitationAction} token={token} email={inv.email} />
        </>
      )}
    </div>
  );
}
