/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from '@react-email/components';
import { EmailLayout, emailText, EmailTitle } from './components/EmailLayout.tsx';

export type PupilDetachedEmailProps = { platformName: string; establishmentName: string };

/** To a pupil: the collège said the pupil is not one of theirs. */
export default function PupilDetachedEmail({ platformName, establishmentName }: PupilDetachedEmailProps) {
  const title = `Votre compte n'est plus rattaché au ${establishmentName}`;
  return (
    <EmailLayout preview={title} platformName={platformName} reason={`Vous recevez ce message parce que vous avez un compte élève sur ${platformName}.`}>
      <EmailTitle>{title}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        L'équipe du {establishmentName} a indiqué que vous n'êtes pas élève de cet établissement. Votre compte est conservé, mais il n'est plus rattaché à aucun collège.
      </Text>
      <Text style={emailText}>Demandez le code de votre classe à votre professeur principal, puis connectez-vous et saisissez-le dans « Ma classe ».</Text>
    </EmailLayout>
  );
}

PupilDetachedEmail.PreviewProps = { platformName: 'ministage', establishmentName: 'Collège les Ormeaux' } satisfies PupilDetachedEmailProps;
