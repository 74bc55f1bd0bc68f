import type { Metadata } from 'next';
import Link from 'next/link';
import { operatorCounts } from '@/lib/accounts/queries';
import { requireOperator } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Espace de l’équipe technique' };

export default async function OperatorIndexPage() {
  const g = await requireOperator('/operateur');
  if (!g.ok) return g.denied;
  const counts = await operatorCounts();
  return (
    <div className="stack">
      <h1>Espace de l’équipe technique</h1>
      <ul className="stack">
        <li>
          <Link href="/operateur/inscriptions">Inscriptions d’établissements à valider</Link>{' '}
          <span className="muted">({counts.reviews ? `${counts.reviews} en attente` : 'aucune en attente'})</span>
          <br />
          <span className="muted">Établissements sans adresse dans l’annuaire de l’éducation.</span>
        </li>
        <li>
          <Link href="/operateur/demandes">Demandes de création de compte sans réponse</Link>{' '}
          <span className="muted">({counts.overdue ? `${counts.overdue} en attente depuis plus de 24 heures` : 'aucune'})</span>
        </li>
        <li>
          <Link href="/operateur/plateformes">Plateformes des lycées</Link>
          <br />
          <span className="muted">Créer une plateforme, ses domaines et son administrateur.</span>
        </li>
        <li>
          <Link href="/operateur/rentree">Rentrée scolaire</Link>
          <br />
          <span className="muted">Clôture de l’année : suppression des anciennes classes, anonymisation des élèves.</span>
        </li>
        <li>
          <Link href="/operateur/journal">Journal d’audit</Link>
          <br />
          <span className="muted">Qui a fait quoi, quand et depuis quelle adresse, sur le portail et sur chaque plateforme.</span>
        </li>
        <li>
          <Link href="/operateur/courriels">Courriels en échec</Link>
          <br />
          <span className="muted">Les courriels que le serveur n’a pas pu envoyer, et « Renvoyer ».</span>
        </li>
      </ul>
    </div>
  );
}
