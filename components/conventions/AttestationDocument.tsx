// The attestation de présence, after attendance: the same printing as the convention (lib/conventions/pdf.ts).
import type { CSSProperties } from 'react';

export type AttestationContent = {
  number: string;
  platformName: string;
  host: { name: string; uai: string; city: string; head: string };
  pupil: { name: string; classLabel: string; home: string };
  stage: { formation: string; date: string; hours: string };
  issuedOn: string;
};

const S = {
  doc: { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '11.5pt', lineHeight: 1.6, color: '#111', maxWidth: '170mm', margin: '0 auto' },
  h1: { fontSize: '18pt', textAlign: 'center', margin: '12mm 0 10mm' },
  p: { margin: '0 0 4mm' },
  sign: { marginTop: '16mm', marginLeft: '90mm' },
} satisfies Record<string, CSSProperties>;

export function AttestationDocument({ a }: { a: AttestationContent }) {
  return (
    <article style={S.doc} lang="fr">
      <p style={S.p}>
        <strong>{a.host.name}</strong> (UAI {a.host.uai})
      </p>
      <h1 style={S.h1}>Attestation de présence</h1>
      <p style={S.p}>
        Je soussigné(e), {a.host.head}, atteste que l’élève <strong>{a.pupil.name}</strong>, en classe de {a.pupil.classLabel} au {a.pupil.home}, a été présent(e) au
        mini-stage <strong>{a.stage.formation}</strong> du {a.stage.date}, de {a.stage.hours}, au {a.host.name}.
      </p>
      <p style={S.p}>Convention n° {a.number}.</p>
      <div style={S.sign}>
        <p style={S.p}>
          Fait à {a.host.city}, le {a.issuedOn}
        </p>
        <p style={S.p}>{a.host.head}</p>
      </div>
    </article>
  );
}
