// « Mes stages »: one enrolment's card says the convocation's facts, the waiting position, the
// convention's state, and links the PDF only once signed.
import { render, screen, within } from '@testing-library/react';
import { PupilStageCard } from '@/components/home/PupilStageCard';
import type { PupilStage } from '@/lib/enrolments/home';

const base: PupilStage = {
  id: 'e1',
  status: 'CONFIRMED',
  statusLabel: 'Inscrit',
  stageCancelled: false,
  waitingRank: null,
  attendance: null,
  date: '2026-12-02',
  startMinutes: 540,
  endMinutes: 720,
  stageType: 'Mini-stage',
  scheduleDetail: 'Matin : atelier',
  formation: 'Bac pro Métiers de l’électricité',
  platform: 'Lycée des métiers Démo',
  stageUrl: 'http://demo.localhost:3000/stages/s1',
  placeLines: ['Lycée Louis Guilloux', '76 avenue des Buttes de Coësmes', '35700 Rennes', 'Atelier B12'],
  mapUrl: 'https://www.openstreetmap.org/search?query=76%20avenue',
  askFor: ['Paul Durand, enseignant(e) responsable du stage'],
  toBring: 'Chaussures de sécurité.',
  convention: { status: 'READY', label: 'Envoyée pour signature', note: 'À remettre au lycée avant le stage.', pdfUrl: null },
  attestationUrl: null,
};

const card = (stage: PupilStage, past = false) => {
  render(
    <ul>
      <PupilStageCard stage={stage} past={past} />
    </ul>,
  );
  return screen.getByRole('article', { name: stage.formation });
};

describe('PupilStageCard', () => {
  it('says when, where (with the map), whom to ask and what to bring', () => {
    const a = card(base);
    expect(a).toHaveTextContent('Le mercredi 2 décembre 2026, de 9 h 00 à 12 h 00 (Matin : atelier)');
    expect(a).toHaveTextContent('76 avenue des Buttes de Coësmes');
    expect(within(a).getByRole('link', { name: 'Voir le lieu sur la carte (OpenStreetMap)' })).toHaveAttribute('href', base.mapUrl);
    expect(a).toHaveTextContent('Paul Durand, enseignant(e) responsable du stage');
    expect(a).toHaveTextContent('Chaussures de sécurité.');
    expect(within(a).getByRole('link', { name: 'Voir le stage sur la plateforme du lycée' })).toHaveAttribute('href', base.stageUrl);
  });

  it('gives no PDF before the convention is signed, and says how it goes back', () => {
    const a = card(base);
    expect(a).toHaveTextContent('Envoyée pour signature');
    expect(a).toHaveTextContent('À remettre au lycée avant le stage.');
    expect(within(a).queryByRole('link', { name: /convention signée/ })).toBeNull();
  });

  it('links the signed convention’s PDF', () => {
    const a = card({ ...base, convention: { status: 'SIGNED', label: 'Signée', note: '', pdfUrl: '/api/conventions/e1' } });
    expect(within(a).getByRole('link', { name: 'Télécharger la convention signée (PDF)' })).toHaveAttribute('href', '/api/conventions/e1');
  });

  it('gives the waiting-list position', () => {
    const a = card({ ...base, status: 'WAITING', statusLabel: 'Liste d’attente', waitingRank: 2, convention: null });
    expect(a).toHaveTextContent('Liste d’attente : position 2');
    expect(a).toHaveTextContent('Vous êtes en position 2 sur la liste d’attente de ce stage.');
    expect(a).not.toHaveTextContent('Convention de stage');
  });

  it('tells not to come to a cancelled stage', () => {
    const a = card({ ...base, status: 'CANCELLED', statusLabel: 'Stage annulé', stageCancelled: true, convention: null });
    expect(a).toHaveTextContent('Vous n’avez pas à vous présenter à ce stage : le lycée l’a annulé.');
    expect(a).not.toHaveTextContent('À apporter');
  });

  it('a past stage: attendance and the attestation', () => {
    const a = card({ ...base, attendance: 'PRESENT', attestationUrl: '/api/conventions/e1?document=attestation' }, true);
    expect(a).toHaveTextContent('Présent(e)');
    expect(within(a).getByRole('link', { name: 'Télécharger l’attestation de présence (PDF)' })).toHaveAttribute('href', '/api/conventions/e1?document=attestation');
    expect(a).not.toHaveTextContent('À apporter');
  });
});
