import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DataTable } from '@/components/ui/DataTable';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { UnassignedPupils } from '@/components/classes/UnassignedPupils';
import { pupilAccess, pupilReachOf } from '@/lib/classes/access';
import { detachPupilAction, movePupilsAction } from '@/lib/classes/actions';
import { classOptions, listPupilsInClasses, ownClassOptions, pupilsWithoutClass } from '@/lib/classes/queries';
import { dbDay, formatNumericDate, listName } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Élèves' };

/**
 * The collège's pupils, as far as the member reaches: the whole collège (direction, secretariat,
 * vie scolaire; the Psy-EN reads only), or a professeur principal's classes. A teacher sees none.
 */
export default async function PupilsPage() {
  await connection();
  const g = await requireMember('team:view', '/etablissement/eleves');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const reach = pupilReachOf(actor, 'view');
  if (!reach) {
    return (
      <div className="stack">
        <EstablishmentTabs actor={actor} member={member} current="pupils" />
        <h1>Élèves</h1>
        <p>
          La liste des élèves est réservée à la direction, au secrétariat, à la vie scolaire, au psychologue de l’Éducation nationale et, pour leurs classes, aux
          professeurs principaux. <Link href="/etablissement/classes">La liste des classes</Link> reste accessible.
        </p>
      </div>
    );
  }
  const manage = pupilAccess(actor).manage;
  const [without, targets, rows] = await Promise.all([
    pupilsWithoutClass(reach),
    manage === 'all' ? classOptions(member.establishmentId) : manage === 'own-class' ? ownClassOptions(reach) : Promise.resolve([]),
    listPupilsInClasses(reach),
  ]);
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="pupils" />
      <h1>Élèves</h1>
      <section aria-labelledby="sans-classe">
        <h2 id="sans-classe">Élèves sans classe ({without.length})</h2>
        {manage && targets.length === 0 && without.length > 0 ? (
          <p>
            {manage === 'all'
              ? 'Créez d’abord vos classes (onglet Classes).'
              : 'Aucune classe ne vous est encore attribuée comme professeur principal : la direction la choisit sur la page de la classe.'}
          </p>
        ) : null}
        {manage === 'own-class' && targets.length > 0 && without.length > 0 ? (
          <p className="muted">
            Vous pouvez placer ces élèves dans l’une de vos classes. Pour les autres, la direction, le secrétariat ou la vie scolaire s’en chargent.
          </p>
        ) : null}
        <UnassignedPupils
          pupils={without.map((p) => ({
            id: p.id,
            name: listName(p, 'Élève anonymisé'),
            birth: p.birthDate ? formatNumericDate(dbDay(p.birthDate)) : '',
            level: p.level,
          }))}
          classes={targets}
          moveAction={manage ? movePupilsAction : undefined}
          detachAction={manage === 'all' ? detachPupilAction : undefined}
        />
      </section>
      <section aria-labelledby="tous">
        <h2 id="tous">
          {reach.wholeCollege ? 'Élèves inscrits dans une classe' : 'Élèves de mes classes'} ({rows.length})
        </h2>
        {rows.length === 0 ? (
          <p>Aucun élève inscrit dans une classe pour l’instant.</p>
        ) : (
          <DataTable columns={['Élève', 'Classe']}>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/etablissement/eleves/${p.id}`}>{listName(p, 'Élève anonymisé')}</Link>
                </td>
                <td>
                  <Link href={`/etablissement/classes/${p.classRoom.id}`}>{p.classRoom.name}</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
