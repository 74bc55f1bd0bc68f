/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText } from './components/EmailLayout.tsx';

export type NoticeEmailProps = {
  platformName: string;
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  reason: string;
};

/** A plain notice: a title, a few paragraphs, an optional button. */
export default function NoticeEmail({ platformName, title, paragraphs, action, reason }: NoticeEmailProps) {
  return (
    <EmailLayout preview={title} platformName={platformName} reason={reason}>
      <Heading as="h1" style={{ fontSize: '20px' }}>{title}</Heading>
      {paragraphs.map((p, i) => (
        <Text key={i} style={emailText}>{p}</Text>
      ))}
      {action ? (
        <>
          <Button href={action.url} style={emailButton}>{action.label}</Button>
          <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {action.url}</Text>
        </>
      ) : null}
    </EmailLayout>
  );
}

NoticeEmail.PreviewProps = {
  platformName: 'ministage',
  title: 'Une demande vous attend',
  paragraphs: ['Bonjour,', 'Une demande de création de compte a été déposée pour votre établissement.'],
  action: { label: 'Voir la demande', url: 'http://localhost:3000/etablissement/equipe' },
  reason: 'Vous recevez ce message parce que vous gérez un établissement inscrit sur ministage.',
} satisfies NoticeEmailProps;
