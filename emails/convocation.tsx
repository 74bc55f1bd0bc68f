/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Link, Text } from '@react-email/components';
import { EmailAction, EmailLayout, emailText, EmailTitle } from './components/EmailLayout.tsx';

export type ConvocationEmailProps = {
  platformName: string;
  /** 'new': first convocation; 'promoted': a seat freed on the waiting list; 'updated': the stage changed. */
  kind: 'new' | 'promoted' | 'updated';
  recipient: 'staff' | 'guardian';
  pupil: string;
  classLabel: string | null;
  formation: string;
  stageType: string;
  /** « mercredi 2 décembre 2026 » */
  dateLabel: string;
  /** « 9 h 00 – 12 h 00 » */
  hoursLabel: string;
  scheduleDetail: string | null;
  /** The lycée's name and postal address, and the room when given. */
  placeLines: string[];
  mapUrl: string | null;
  /** « M. Durand, enseignant responsable du stage », then the platform's contacts. */
  askFor: string[];
  toBring: string;
  convention: string;
  stageUrl: string;
};

const heading = { ...emailText, fontWeight: 700, marginBottom: '4px' };
const line = { ...emailText, margin: '0' };

const INTRO: Record<ConvocationEmailProps['kind'], (p: ConvocationEmailProps) => string> = {
  new: (p) =>
    p.recipient === 'guardian'
      ? `Votre enfant ${p.pupil} est inscrit(e) au mini-stage ci-dessous, par son collège.`
      : `${p.pupil} est inscrit(e) au mini-stage ci-dessous.`,
  promoted: (p) => `Une place s’est libérée : ${p.pupil}, qui était en liste d’attente, est maintenant inscrit(e) au mini-stage ci-dessous.`,
  updated: (p) => `Le mini-stage auquel ${p.pupil} est inscrit(e) a changé. Voici la convocation à jour ; elle remplace la précédente.`,
};

/** The convocation: who, what, when, where, whom to ask, what to bring, the convention. Carries the .ics. */
export default function ConvocationEmail(p: ConvocationEmailProps) {
  return (
    <EmailLayout
      preview={`Convocation : ${p.pupil}, ${p.formation}, ${p.dateLabel}`}
      platformName={p.platformName}
      reason={
        p.recipient === 'guardian'
          ? 'Vous recevez ce message parce que le collège de votre enfant vous a indiqué comme responsable légal.'
          : 'Vous recevez ce message parce que vous avez inscrit cet élève à ce mini-stage.'
      }
    >
      <EmailTitle>{p.kind === 'updated' ? 'Convocation mise à jour' : 'Convocation au mini-stage'}</EmailTitle>
      <Text style={emailText}>Bonjour,</Text>
      <Text style={emailText}>{INTRO[p.kind](p)}</Text>
      <Text style={heading}>Élève</Text>
      <Text style={line}>
        {p.pupil}
        {p.classLabel ? ` (${p.classLabel})` : ''}
      </Text>
      <Text style={heading}>Stage</Text>
      <Text style={line}>
        {p.stageType} — {p.formation}
      </Text>
      <Text style={line}>
        Le {p.dateLabel}, de {p.hoursLabel}
        {p.scheduleDetail ? ` (${p.scheduleDetail})` : ''}
      </Text>
      <Text style={heading}>Lieu</Text>
      {p.placeLines.map((l, i) => (
        <Text key={i} style={line}>
          {l}
        </Text>
      ))}
      {p.mapUrl ? (
        <Text style={line}>
          <Link href={p.mapUrl}>Voir sur la carte</Link>
        </Text>
      ) : null}
      <Text style={heading}>À l’arrivée, s’adresser à</Text>
      {p.askFor.map((l, i) => (
        <Text key={i} style={line}>
          {l}
        </Text>
      ))}
      <Text style={heading}>À apporter</Text>
      <Text style={line}>{p.toBring}</Text>
      <Text style={heading}>Convention de stage</Text>
      <Text style={line}>{p.convention}</Text>
      <Text style={emailText}>L’invitation jointe (fichier .ics) ajoute le stage à votre agenda.</Text>
      {p.recipient === 'staff' ? <EmailAction href={p.stageUrl} label="Voir le stage" /> : null}
    </EmailLayout>
  );
}

ConvocationEmail.PreviewProps = {
  platformName: 'Lycée des métiers Démo',
  kind: 'new',
  recipient: 'staff',
  pupil: 'Léa Morel',
  classLabel: '3e B',
  formation: 'Bac pro Métiers de l’électricité',
  stageType: 'Mini-stage',
  dateLabel: 'mercredi 2 décembre 2026',
  hoursLabel: '9 h 00 à 12 h 00',
  scheduleDetail: 'Matin',
  placeLines: ['Lycée Louis Guilloux', '76 avenue des Buttes de Coësmes', '35700 Rennes', 'Atelier B12'],
  mapUrl: 'https://www.openstreetmap.org/?mlat=48.12&mlon=-1.65#map=17/48.12/-1.65',
  askFor: ['M. Durand, enseignant responsable du stage', 'Accueil : 02 99 00 00 00'],
  toBring: 'Le carnet de correspondance, de quoi écrire.',
  convention: 'La convention signée est à remettre au lycée avant le stage.',
  stageUrl: 'http://demo.localhost:3000/stages/abc',
} satisfies ConvocationEmailProps;
