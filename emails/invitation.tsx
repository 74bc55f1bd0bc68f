/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type InvitationEmailProps = {
  platformName: string;
  establishmentName: string;
  roleLabel: string;
  inviterName: string | null;
  url: string;
  expiresOn: string; // « mercredi 2 décembre 2026 »
};

/** An invitation to join a collège's pedagogical team (single-use link). */
export default function InvitationEmail({ platformName, establishmentName, roleLabel, inviterName, url, expiresOn }: InvitationEmailProps) {
  const title = `Invitation à rejoindre l'équipe du ${establishmentName}`;
  return (
    <EmailLayout
      preview={title}
      platformName={platformName}
      reason={`Vous recevez ce message parce que ${inviterName ?? "l'établissement"} vous a invité(e) à rejoindre l'équipe pédagogique du ${establishmentName}.`}
    >
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        {inviterName ?? "Le chef d'établissement"} vous invite à rejoindre l'équipe pédagogique du {establishmentName} sur {platformName}, en tant que : {roleLabel}.
      </Text>
      <Text style={emailText}>
        Cliquez sur le bouton pour créer votre compte (ou relier votre compte existant). Le lien ne sert qu'une fois et expire le {expiresOn}.
      </Text>
      <EmailAction href={url} label="Accepter l'invitation" />
      <Text style={{ ...emailText, fontSize: '13px' }}>Vous ne connaissez pas cet établissement ? Ignorez ce message : aucun compte ne sera créé.</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux',
  roleLabel: 'Professeur principal',
  inviterName: 'Anne Dupont',
  url: 'http://localhost:3000/invitation/exemple',
  expiresOn: 'mercredi 2 décembre 2026',
} satisfies InvitationEmailProps;
