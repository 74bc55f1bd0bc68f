/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type AccessRequestAnswerEmailProps = {
  platformName: string;
  establishmentName: string;
  granted: boolean;
  /** When granted: the role given and the invitation link. */
  roleLabel?: string;
  url?: string;
  validity?: string;
};

/** The answer to a « demande de création de compte »: an invitation, or a refusal. */
export default function AccessRequestAnswerEmail(p: AccessRequestAnswerEmailProps) {
  const title = p.granted ? `Votre accès à ${p.establishmentName} est accordé` : 'Votre demande de création de compte n’a pas été acceptée';
  return (
    <EmailLayout
      preview={title}
      platformName={p.platformName}
      reason={`Vous recevez ce message parce que vous avez demandé un compte pour ${p.establishmentName} sur ${p.platformName}.`}
    >
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      {p.granted && p.url ? (
        <>
          <Text style={emailText}>
            Votre demande a été acceptée{p.roleLabel ? ` (rôle : ${p.roleLabel})` : ''}. Pour créer votre compte, suivez le lien d’invitation ci-dessous
            {p.validity ? ` ; il est valable ${p.validity}` : ''}.
          </Text>
          <EmailAction href={p.url} label="Créer mon compte" />
        </>
      ) : (
        <Text style={emailText}>
          Les responsables de {p.establishmentName} n’ont pas accepté votre demande. Si vous pensez qu’il s’agit d’une erreur, adressez-vous directement au secrétariat de
          votre établissement.
        </Text>
      )}
    </EmailLayout>
  );
}

AccessRequestAnswerEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux (Rennes)',
  granted: true,
  roleLabel: 'Professeur principal',
  url: 'http://localhost:3000/invitation/exemple',
  validity: '7 jours',
} satisfies AccessRequestAnswerEmailProps;
