/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type ActivationEmailProps = {
  platformName: string;
  /** « Mme Claire Dupont »: who asked for the account (so that someone else can ignore it). */
  personName: string;
  login: string;
  establishmentName?: string | null;
  url: string;
  /** « 5 minutes » */
  validity: string;
  /** A new link asked for from the site (« Recevoir l'email de confirmation … »). */
  resent?: boolean;
  /** An extra first paragraph, e.g. the operator approved the registration. */
  intro?: string;
};

/** The activation link of a new account (establishment registration, staff or pupil sign-up). */
export default function ActivationEmail(p: ActivationEmailProps) {
  const title = p.resent ? 'Votre nouveau lien d’activation' : 'Activez votre compte';
  return (
    <EmailLayout
      preview={`${title} — ${p.platformName}`}
      platformName={p.platformName}
      reason={`Vous recevez ce message parce qu’une inscription sur ${p.platformName} a été faite avec l’adresse ${p.login}. Si vous n’en êtes pas à l’origine, ignorez-le : aucun compte ne sera activé.`}
    >
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      {p.intro ? <Text style={emailText}>{p.intro}</Text> : null}
      <Text style={emailText}>
        {p.personName} a demandé la création d’un compte sur {p.platformName}
        {p.establishmentName ? ` pour l’établissement ${p.establishmentName}` : ''}. Votre identifiant de connexion est : {p.login}.
      </Text>
      <Text style={emailText}>Pour activer ce compte, cliquez sur le bouton ci-dessous. Ce lien est valable {p.validity} et ne sert qu’une fois.</Text>
      <EmailAction href={p.url} label="Activer mon compte" />
      <Text style={emailText}>Lien expiré ? Sur la page de connexion, choisissez « Vous n’avez pas reçu le message d’activation ? » pour en recevoir un nouveau.</Text>
    </EmailLayout>
  );
}

ActivationEmail.PreviewProps = {
  platformName: 'ministage',
  personName: 'Mme Claire Dupont',
  login: 'ce.0351847t@ac-rennes.fr',
  establishmentName: 'Collège Georges Brassens (Le Rheu)',
  url: 'http://localhost:3000/activation/exemple',
  validity: '5 minutes',
} satisfies ActivationEmailProps;
