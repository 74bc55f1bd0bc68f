/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

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
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Une personne s’est inscrite dans l’équipe de votre établissement en tant que : {roleLabel}. Elle a indiqué le nom « {personName} » et l’adresse {personEmail}. Son
        compte restera en attente tant que vous n’aurez pas approuvé son inscription.
      </Text>
      <Text style={emailText}>Si vous ne connaissez pas cette personne, refusez la demande.</Text>
      <EmailAction href={url} label="Voir l'équipe" />
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
