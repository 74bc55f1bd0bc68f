import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ActionButton } from '@/components/ui/ActionButton';
import { ButtonLink } from '@/components/ui/Button';
import s from '@/components/classes/classes.module.css';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { GuardiansForm } from '@/components/classes/GuardiansForm';
import { pupilReachOf } from '@/lib/classes/access';
import { detachPupilAction, updateGuardiansAction } from '@/lib/classes/actions';
import { getPupilDetail } from '@/lib/classes/queries';
import { dbDay, formatDate, listName } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';

export const metadata: Metadata = { title: 'Fiche élève' };

/** A pupil's page: for whoever reaches the pupil (the whole collège, or the PP of their class); others get a 404. */
export default async function PupilPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const g = await requireMember('team:view', `/etablissement/eleves/${id}`);
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const reach = pupilReachOf(actor, 'view');
  const pupil = reach ? await getPupilDetail(reach, id) : null;
  if (!pupil) notFound(); // another collège's pupil, another class's for a PP, any pupil for a teacher
  // Changing needs the pupil in the *manage* reach (today the same as the view reach for whoever manages; the Psy-EN reads only).
  const manageReach = pupilReachOf(actor, 'manage');
  const canManage = !!manageReach && (manageReach.wholeCollege === reach!.wholeCollege || !!(await getPupilDetail(manageReach, id)));
  const name = listName(pupil, 'Élève anonymisé');
  const guardians = pupil.guardians.map((g) => ({ lastName: g.lastName, firstName: g.firstName, email: g.email ?? '', phone: g.phone ?? '' }));
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="pupils" />
      <p>
        <Link href={pupil.classRoom ? `/etablissement/classes/${pupil.classRoom.id}` : '/etablissement/eleves'}>
          ← {pupil.classRoom ? `Classe ${pupil.classRoom.name}` : 'Élèves'}
        </Link>
      </p>
      <h1>{name}</h1>
      <dl className={`card ${s.details}`}>
        <dt>Date de naissance</dt>
        <dd>{pupil.birthDate ? formatDate(dbDay(pupil.birthDate)) : '—'}</dd>
        <dt>Classe</dt>
        <dd>
          {pupil.classRoom ? pupil.classRoom.name : 'Sans classe'}
          {pupil.level ? ` (niveau ${pupil.level})` : ''}
        </dd>
        {canManage ? (
          <>
            <dt>Identifiant de connexion</dt>
            <dd>{pupil.user ? `${pupil.user.login}${pupil.user.status === 'PENDING_ACTIVATION' ? ' — compte pas encore activé' : ''}` : 'Pas de compte'}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="responsables">
        <h2 id="responsables">Responsables légaux</h2>
        <p className="muted">Ils reçoivent la convocation et signent la convention de stage. Deux au plus ; ne renseignez que ce qui est utile.</p>
        {canManage ? (
          <GuardiansForm action={updateGuardiansAction} pupilId={pupil.id} initial={guardians} />
        ) : guardians.length === 0 ? (
          <p>Aucun responsable légal renseigné.</p>
        ) : (
          <ul>
            {guardians.map((g, i) => (
              <li key={i}>
                {g.firstName} {g.lastName}
                {g.email ? ` — ${g.email}` : ''}
                {g.phone ? ` — ${g.phone}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="retirer">
          <h2 id="retirer">Cet élève n’est pas de chez vous ?</h2>
          <ActionButton
            action={detachPupilAction}
            input={{ pupilId: pupil.id }}
            label="Cet élève ne fait pas partie de mon établissement"
            confirm={`${name} ne sera plus rattaché(e) à votre collège ; son compte est conservé et il (elle) pourra rejoindre son établissement avec le code de sa classe.`}
            confirmLabel="Retirer l’élève"
            redirectTo="/etablissement/eleves"
          />
        </section>
      ) : null}
      {can(actor, 'pupils:data') ? (
        <section aria-labelledby="donnees">
          <h2 id="donnees">Données de l’élève</h2>
          <p className="muted">Tout ce que la plateforme conserve sur cet élève, à imprimer ou à télécharger ; leur effacement à la demande de la famille.</p>
          <ButtonLink href={`/etablissement/eleves/${pupil.id}/donnees`} variant="secondary" small>
            Voir, exporter ou effacer ses données
          </ButtonLink>
        </section>
      ) : null}
    </div>
  );
}
