/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type StaffApprovedEmailProps = { platformName: string; establishmentName: string; roleLabel: string; url: string };

/** To a staff member: the chef d'établissement approved the sign-up. */
export default function StaffApprovedEmail({ platformName, establishmentName, roleLabel, url }: StaffApprovedEmailProps) {
  const title = `Votre inscription au ${establishmentName} est approuvée`;
  return (
    <EmailLayout preview={title} platformName={platformName} reason={`Vous recevez ce message parce que vous vous êtes inscrit(e) sur ${platformName}.`}>
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Le chef d'établissement a approuvé votre inscription dans l'équipe pédagogique du {establishmentName} ({roleLabel}). Vous pouvez maintenant gérer les classes et
        les élèves, et les inscrire aux mini-stages.
      </Text>
      <EmailAction href={url} label="Se connecter" />
    </EmailLayout>
  );
}

StaffApprovedEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux',
  roleLabel: 'Professeur principal',
  url: 'http://localhost:3000/connexion',
} satisfies StaffApprovedEmailProps;
