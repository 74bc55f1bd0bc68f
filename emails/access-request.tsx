/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle, EmailAction } from './components/EmailLayout.tsx';

export type AccessRequestEmailProps = {
  platformName: string;
  establishmentName: string;
  requester: { firstName: string; lastName: string; function: string; email: string };
  /** The page where the request is answered. */
  url: string;
  /** Sent to the platform operator because the establishment has no active manager. */
  toOperator?: boolean;
};

/** « Demande de création de compte »: sent to every current manager of the establishment. */
export default function AccessRequestEmail({ platformName, establishmentName, requester, url, toOperator }: AccessRequestEmailProps) {
  const who = `${requester.firstName} ${requester.lastName}`;
  return (
    <EmailLayout
      preview={`Demande de création de compte de ${who}`}
      platformName={platformName}
      reason={
        toOperator
          ? `Vous recevez ce message parce que vous faites partie de l’équipe technique de ${platformName} et que ${establishmentName} n’a aucun responsable actif.`
          : `Vous recevez ce message parce que vous êtes responsable de ${establishmentName} sur ${platformName}.`
      }
    >
      <EmailTitle>Demande de création de compte</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        {who} ({requester.function}, {requester.email}) demande un compte pour {establishmentName}. Cette personne ne connaissait pas l’identifiant de connexion de
        l’établissement.
      </Text>
      <Text style={emailText}>Si vous connaissez cette personne, accordez-lui l’accès : elle recevra une invitation par email. Sinon, refusez la demande.</Text>
      <EmailAction href={url} label="Répondre à la demande" />
    </EmailLayout>
  );
}

AccessRequestEmail.PreviewProps = {
  platformName: 'ministage',
  establishmentName: 'Collège les Ormeaux (Rennes)',
  requester: { firstName: 'Julie', lastName: 'Martin', function: 'Professeure principale de 3e A', email: 'julie.martin@ac-rennes.fr' },
  url: 'http://localhost:3000/etablissement/demandes',
} satisfies AccessRequestEmailProps;
