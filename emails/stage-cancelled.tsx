/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Text } from '@react-email/components';
import { EmailLayout, emailButton, emailText, EmailTitle } from './components/EmailLayout.tsx';

export type StageCancelledEmailProps = {
  platformName: string;
  /** « Bac pro Métiers de l'électricité » */
  formation: string;
  /** « mercredi 2 décembre 2026 » */
  dateLabel: string;
  /** « 9 h 00 – 12 h 00 » */
  hoursLabel: string;
  reason: string;
  /** The pupils this recipient is concerned with (first name and last name). */
  pupils: string[];
  recipient: 'staff' | 'guardian';
  platformUrl: string;
};

/** Tells a collège staff member or a guardian that a mini-stage is cancelled, and why. */
export default function StageCancelledEmail(props: StageCancelledEmailProps) {
  const { platformName, formation, dateLabel, hoursLabel, reason, pupils, recipient, platformUrl } = props;
  const who =
    recipient === 'guardian'
      ? `Votre enfant ${pupils.join(', ')} était inscrit(e) à ce mini-stage. Son inscription est annulée : il n’a pas à se présenter au lycée ce jour-là.`
      : `Vous y aviez inscrit : ${pupils.join(', ')}. Leurs inscriptions sont annulées ; vous pouvez les inscrire à un autre stage sur la plateforme.`;
  return (
    <EmailLayout
      preview={`Mini-stage annulé : ${formation}, ${dateLabel}`}
      platformName={platformName}
      reason={
        recipient === 'guardian'
          ? 'Vous recevez ce message parce que vous êtes responsable légal d’un élève inscrit à ce mini-stage.'
          : 'Vous recevez ce message parce que vous avez inscrit des élèves à ce mini-stage.'
      }
    >
      <EmailTitle>Mini-stage annulé</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>
        Le mini-stage « {formation} » du {dateLabel} ({hoursLabel}) proposé par {platformName} est annulé.
      </Text>
      <Text style={emailText}>Motif : {reason}</Text>
      <Text style={emailText}>{who}</Text>
      {recipient === 'staff' ? (
        <Button href={platformUrl} style={emailButton}>
          Voir les autres stages
        </Button>
      ) : null}
      <Text style={{ ...emailText, fontSize: '13px' }}>Plateforme : {platformUrl}</Text>
    </EmailLayout>
  );
}

StageCancelledEmail.PreviewProps = {
  platformName: 'Lycée des métiers Démo',
  formation: 'Bac pro Métiers de l’électricité',
  dateLabel: 'mercredi 2 décembre 2026',
  hoursLabel: '9 h 00 – 12 h 00',
  reason: 'Enseignant absent (formation académique).',
  pupils: ['Léa Morel', 'Hugo Martin'],
  recipient: 'staff',
  platformUrl: 'http://demo.localhost:3000/calendrier',
} satisfies StageCancelledEmailProps;
