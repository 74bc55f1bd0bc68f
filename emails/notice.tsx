/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

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
      <EmailTitle>{title}</EmailTitle>
      {paragraphs.map((p, i) => (
        <Text key={i} style={emailText}>
          {p}
        </Text>
      ))}
      {action ? (
        <>
          <EmailAction href={action.url} label={action.label} />
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
