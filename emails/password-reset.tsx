/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

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
      <EmailTitle>Réinitialisation de votre mot de passe</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Pour choisir un nouveau mot de passe pour le compte {login}, cliquez sur le bouton ci-dessous. Ce lien est valable {validity} et ne sert qu’une fois. Une fois le
        mot de passe changé, les sessions ouvertes sur d’autres appareils sont fermées.
      </Text>
      <EmailAction href={url} label="Choisir un nouveau mot de passe" />
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  platformName: 'ministage',
  login: 'ce.0350033w@ac-rennes.fr',
  url: 'http://localhost:3000/reinitialisation/exemple',
  validity: '1 heure',
} satisfies PasswordResetEmailProps;
