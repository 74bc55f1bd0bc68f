/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText } from './components/EmailLayout.tsx';

export type StaffPendingEmailProps = {
  platformName: string;
  establishmentName: string;
  personName: string;
  personEmail: string;
  roleLabel: string;
  url: string;
};

/** To the chef d'établissement: a staff member signed up alone and waits for approval. */
export default function StaffPendingEmail({ platformName, establishmentName, personName, personEmail, roleLabel, url }: StaffPendingEmailProps) {
  // Fixed title (also the preview text): what the applicant typed stays in the body.
  const title = `Nouvelle demande d’accès à l’équipe de ${establishmentName}`;
  return (
    <EmailLayout preview={title} platformName={platformName} reason={`Vous recevez ce message parce que vous gérez le ${establishmentName} sur ${platformName}.`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>{title}</Heading>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Une personne s’est inscrite dans l’équipe de votre établissement en tant que : {roleLabel}. Elle a indiqué le nom « {personName} » et
        l’adresse {personEmail}. Son compte restera en attente tant que vous n’aurez pas approuvé son inscription.
      </Text>
      <Text style={emailText}>Si vous ne connaissez pas cette personne, refusez la demande.</Text>
      <Button href={url} style={emailButton}>Voir l'équipe</Button>
      <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {url}</Text>
    </EmailLayout>
  );
}

StaffPendingEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux',
  personName: 'Marie Leroy',
  personEmail: 'marie.leroy@ac-rennes.fr',
  roleLabel: 'Professeur principal',
  url: 'http://localhost:3000/etablissement/equipe',
} satisfies StaffPendingEmailProps;
