/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText } from './components/EmailLayout.tsx';

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
    <EmailLayout
      preview={title}
      platformName={platformName}
      reason={`Vous recevez ce message parce que vous faites partie de l’équipe technique de ${platformName}.`}
    >
      <Heading as="h1" style={{ fontSize: '20px' }}>{title}</Heading>
      {lines.map((line, i) => (
        <Text key={i} style={emailText}>{line}</Text>
      ))}
      <Button href={url} style={emailButton}>{actionLabel}</Button>
      <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {url}</Text>
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
