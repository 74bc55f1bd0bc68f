/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle } from './components/EmailLayout.tsx';

export type RegistrationRefusedEmailProps = {
  platformName: string;
  establishmentName: string;
  reason?: string | null;
};

/** The operator refused the registration of an establishment without a known address. */
export default function RegistrationRefusedEmail({ platformName, establishmentName, reason }: RegistrationRefusedEmailProps) {
  return (
    <EmailLayout
      preview={`Inscription de ${establishmentName} refusée`}
      platformName={platformName}
      reason={`Vous recevez ce message parce que vous avez demandé l’inscription de ${establishmentName} sur ${platformName}.`}
    >
      <EmailTitle>Votre demande d’inscription n’a pas été acceptée</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        L’équipe technique de {platformName} n’a pas pu vérifier que vous représentez {establishmentName}. Votre demande d’inscription est refusée et le compte n’a pas
        été créé.
      </Text>
      {reason ? <Text style={emailText}>Motif : {reason}</Text> : null}
      <Text style={emailText}>
        Pour qu’une inscription puisse être vérifiée, l’adresse email de l’établissement doit figurer dans l’Annuaire de l’éducation : demandez-en la mise à jour à votre
        rectorat, puis recommencez.
      </Text>
    </EmailLayout>
  );
}

RegistrationRefusedEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège privé hors-contrat Notre-Dame (Rennes)',
  reason: 'Aucun moyen de joindre l’établissement.',
} satisfies RegistrationRefusedEmailProps;
