import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/Button';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { PrintButton } from '@/components/classes/PrintButton';
import { PupilDataEraseForm } from '@/components/classes/PupilDataEraseForm';
import { PupilDataView } from '@/components/classes/PupilDataView';
import s from '@/components/classes/PupilData.module.css';
import { AppError } from '@/lib/core/errors';
import { listName } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { pupilDataFor } from '@/lib/pupils/queries';

export const metadata: Metadata = { title: 'Données de l’élève' };

/**
 * « Données de l'élève » (RGPD): everything held about one pupil, printable, with its JSON download
 * and the erasure on request — for the head of the collège (`pupils:data`); the « Accès réservé »
 * screen for the rest of the team, a 404 for another collège's pupil. Each display is recorded in the
 * audit trail (« pupil.export »).
 */
export default async function PupilDataPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const g = await requireMember('pupils:data', `/etablissement/eleves/${encodeURIComponent(id)}/donnees`);
  if (!g.ok) return g.denied;
  const data = await pupilDataFor(g.actor, id.slice(0, 40), 'html').catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const name = listName(data.pupil, 'Élève');
  const pupilId = data.pupil.id;
  return (
    <div className="stack">
      <div className={s.noPrint}>
        <EstablishmentTabs actor={g.actor} member={g.member} current="pupils" />
      </div>
      <p className={s.noPrint}>
        <Link href={`/etablissement/eleves/${pupilId}`}>← Fiche de l’élève</Link>
      </p>
      <h1>Données de l’élève : {name}</h1>
      <div className={`${s.actions} ${s.noPrint}`}>
        <PrintButton label="Imprimer" />
        <ButtonLink href={`/api/eleves/${pupilId}/donnees`} download variant="secondary">
          Télécharger (JSON)
        </ButtonLink>
      </div>
      <PupilDataView data={data} />
      <section aria-labelledby="effacer" className={`${s.danger} ${s.noPrint}`}>
        <h2 id="effacer">Effacer les données de l’élève</h2>
        <p>
          À la demande de l’élève ou de ses responsables légaux. Sont effacés : le nom, le prénom, la date de naissance, la classe, les responsables légaux, le compte de
          l’élève, le contenu et les PDF de ses conventions, les noms, adresses et connexions des signataires de la famille, et les emails qui le concernent encore en
          attente ou conservés.
        </p>
        <p>
          Sont gardés, sans rien qui permette de le reconnaître : son collège, son niveau et son année (statistiques), ses inscriptions aux stages et sa présence, et,
          pour chaque convention signée, son numéro, ses dates et l’empreinte du PDF signé — le lycée d’accueil conserve l’exemplaire signé qu’il a reçu et peut toujours
          le vérifier. Une convention qui n’était pas signée par toutes les parties est annulée.
        </p>
        <p>Si l’élève est inscrit à un stage à venir, annulez d’abord cette inscription. L’effacement est définitif.</p>
        <PupilDataEraseForm pupilId={pupilId} name={name} />
      </section>
    </div>
  );
}
