/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText } from './components/EmailLayout.tsx';

export type PasswordResetEmailProps = {
  platformName: string;
  login: string;
  url: string;
  /** « 1 heure » */
  validity: string;
};

/** « Mot de passe oublié ? »: the reset link. */
export default function PasswordResetEmail({ platformName, login, url, validity }: PasswordResetEmailProps) {
  return (
    <EmailLayout
      preview={`Réinitialisation de votre mot de passe — ${platformName}`}
      platformName={platformName}
      reason={`Vous recevez ce message parce qu’une réinitialisation du mot de passe du compte ${login} a été demandée sur ${platformName}. Si vous n’en êtes pas à l’origine, ignorez-le : votre mot de passe ne change pas.`}
    >
      <Heading as="h1" style={{ fontSize: '20px' }}>Réinitialisation de votre mot de passe</Heading>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Pour choisir un nouveau mot de passe pour le compte {login}, cliquez sur le bouton ci-dessous. Ce lien est valable {validity} et ne
        sert qu’une fois. Une fois le mot de passe changé, les sessions ouvertes sur d’autres appareils sont fermées.
      </Text>
      <Button href={url} style={emailButton}>Choisir un nouveau mot de passe</Button>
      <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {url}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  platformName: 'ministage',
  login: 'ce.0350033w@ac-rennes.fr',
  url: 'http://localhost:3000/reinitialisation/exemple',
  validity: '1 heure',
} satisfies PasswordResetEmailProps;
