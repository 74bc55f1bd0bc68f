import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { SignOutButton } from '@/components/accounts/SignOutButton';
import { AcceptInvitationButton, InvitationAccountForm } from '@/components/sites/InvitationAccept';
import { requireSite } from '@/lib/core/guards';
import { acceptSiteInvitationAction, createAccountFromInvitationAction } from '@/lib/sites/actions';
import { readInvitation } from '@/lib/sites/invitations';
import { linkMessage } from '@/lib/core/links';
import { signInPath } from '@/lib/core/origin';

export const metadata: Metadata = { title: 'Invitation sur la plateforme', referrer: 'no-referrer' };

const ROLE = { ADMIN: 'administrateur', TEACHER: 'enseignant' } as const;

export default async function SiteInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { site, user } = await requireSite();
  const { token } = await params;
  const inv = await readInvitation(token, site.id);
  const title = <h1>Invitation sur la plateforme {site.name}</h1>;
  if (inv.state !== 'valid') {
    return (
      <div className="stack">
        {title}
        <Alert tone="error">{linkMessage('platform-invitation', inv)}</Alert>
        <p>
          <Link href="/">Aller au tableau de bord de la plateforme</Link>
        </p>
      </div>
    );
  }
  const { email, siteRole } = inv.link;
  return (
    <div className="stack">
      {title}
      <p>
        Vous êtes invité(e) à rejoindre l’équipe de la plateforme en tant que <strong>{ROLE[siteRole]}</strong> ({email}).
      </p>
      {user ? (
        user.email?.toLowerCase() === email ? (
          <AcceptInvitationButton action={acceptSiteInvitationAction} token={token} />
        ) : (
          <>
            <Alert tone="warning">
              Vous êtes connecté(e) avec {user.email ?? user.login}, mais cette invitation est adressée à {email}. Déconnectez-vous, puis rouvrez ce lien.
            </Alert>
            <SignOutButton />
          </>
        )
      ) : inv.accountExists ? (
        <p>
          Un compte existe déjà pour {email}. <Link href={signInPath(`/invitation-plateforme/${token}`)}>Connectez-vous</Link> sur cette plateforme pour accepter
          l’invitation.
        </p>
      ) : (
        <>
          <p>Créez votre compte : le lien reçu par email prouve votre adresse, il sera actif tout de suite.</p>
          <InvitationAccountForm action={createAccountFromInvitationAction} token={token} email={email} />
        </>
      )}
    </div>
  );
}
