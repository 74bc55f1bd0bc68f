/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type OperatorNoticeEmailProps = {
  platformName: string;
  title: string;
  lines: string[];
  url: string;
  actionLabel: string;
};

/** Something waits for the platform's technical team (a registration to review …). */
export default function OperatorNoticeEmail({ platformName, title, lines, url, actionLabel }: OperatorNoticeEmailProps) {
  return (
    <EmailLayout preview={title} platformName={platformName} reason={`Vous recevez ce message parce que vous faites partie de l’équipe technique de ${platformName}.`}>
      <EmailTitle>{title}</EmailTitle>
      {lines.map((line, i) => (
        <Text key={i} style={emailText}>
          {line}
        </Text>
      ))}
      <EmailAction href={url} label={actionLabel} />
    </EmailLayout>
  );
}

OperatorNoticeEmail.PreviewProps = {
  platformName: 'ministage',
  title: 'Une inscription d’établissement attend votre validation',
  lines: [
    'Collège privé hors-contrat Notre-Dame (0353069W) n’a aucune adresse dans l’annuaire.',
    'M. Paul Durand (Chef d’établissement, paul.durand@example.fr) demande à l’inscrire.',
  ],
  url: 'http://localhost:3000/operateur/inscriptions',
  actionLabel: 'Examiner l’inscription',
} satisfies OperatorNoticeEmailProps;
