/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText } from './components/EmailLayout.tsx';

export type StaffApprovedEmailProps = { platformName: string; establishmentName: string; roleLabel: string; url: string };

/** To a staff member: the chef d'établissement approved the sign-up. */
export default function StaffApprovedEmail({ platformName, establishmentName, roleLabel, url }: StaffApprovedEmailProps) {
  const title = `Votre inscription au ${establishmentName} est approuvée`;
  return (
    <EmailLayout preview={title} platformName={platformName} reason={`Vous recevez ce message parce que vous vous êtes inscrit(e) sur ${platformName}.`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>{title}</Heading>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Le chef d'établissement a approuvé votre inscription dans l'équipe pédagogique du {establishmentName} ({roleLabel}). Vous pouvez
        maintenant gérer les classes et les élèves, et les inscrire aux mini-stages.
      </Text>
      <Button href={url} style={emailButton}>Se connecter</Button>
      <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {url}</Text>
    </EmailLayout>
  );
}

StaffApprovedEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux',
  roleLabel: 'Professeur principal',
  url: 'http://localhost:3000/connexion',
} satisfies StaffApprovedEmailProps;
