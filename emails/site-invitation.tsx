/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type SiteInvitationEmailProps = {
  platformName: string;
  /** « administrateur » | « enseignant » */
  roleLabel: string;
  inviterName: string | null;
  url: string;
  /** « mercredi 2 décembre 2026 » */
  expiresLabel: string;
};

/** Invites a lycée staff member to a mini-stage platform (administrateur or enseignant). */
export default function SiteInvitationEmail({ platformName, roleLabel, inviterName, url, expiresLabel }: SiteInvitationEmailProps) {
  return (
    <EmailLayout
      preview={`Invitation sur la plateforme ${platformName}`}
      platformName={platformName}
      reason="Vous recevez ce message parce qu’un responsable de la plateforme a saisi votre adresse. Si vous ne vous y attendiez pas, ignorez-le : rien ne sera créé."
    >
      <EmailTitle>Invitation sur la plateforme {platformName}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        {inviterName ? `${inviterName} vous invite` : 'Vous êtes invité(e)'} à rejoindre la plateforme des mini-stages « {platformName} » en tant que {roleLabel}. Vous
        pourrez y publier des stages et suivre les inscriptions des collégiens.
      </Text>
      <Text style={emailText}>
        Si vous avez déjà un compte ministage, connectez-vous puis acceptez l’invitation ; sinon, créez votre compte sur la page de l’invitation. Ce lien est valable
        jusqu’au {expiresLabel} et ne sert qu’une fois.
      </Text>
      <EmailAction href={url} label="Accepter l’invitation" />
    </EmailLayout>
  );
}

SiteInvitationEmail.PreviewProps = {
  platformName: 'Lycée des métiers Démo',
  roleLabel: 'enseignant',
  inviterName: 'Claire Martin',
  url: 'http://demo.localhost:3000/invitation-plateforme/exemple',
  expiresLabel: 'lundi 30 novembre 2026',
} satisfies SiteInvitationEmailProps;
