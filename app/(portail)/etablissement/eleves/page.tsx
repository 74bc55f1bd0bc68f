import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { EstablishmentTabs, NotMember } from '@/components/classes/EstablishmentTabs';
import { UnassignedPupils } from '@/components/classes/UnassignedPupils';
import s from '@/components/classes/classes.module.css';
import { detachPupilAction, movePupilsAction } from '@/lib/classes/actions';
import { formatDay, pupilName } from '@/lib/classes/format';
import { memberPage } from '@/lib/classes/page-access';
import { byClassName, classOptions, pupilsWithoutClass } from '@/lib/classes/queries';
import { prisma } from '@/lib/core/db';

export const metadata: Metadata = { title: 'Élèves' };

export default async function PupilsPage() {
  await connection();
  const { actor, member } = await memberPage('/etablissement/eleves');
  if (!member) return <NotMember title="Élèves" />;
  const [without, classes, all] = await Promise.all([
    pupilsWithoutClass(member.establishmentId),
    classOptions(member.establishmentId),
    prisma.pupil.findMany({
      where: { establishmentId: member.establishmentId, anonymisedAt: null, classRoomId: { not: null } },
      select: { id: true, firstName: true, lastName: true, classRoom: { select: { id: true, name: true } } },
    }),
  ]);
  const rows = all.map((p) => ({ ...p, name: pupilName(p) })).sort((a, b) => byClassName({ name: a.classRoom!.name }, { name: b.classRoom!.name }) || a.name.localeCompare(b.name, 'fr'));
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="pupils" />
      <h1>Élèves</h1>
      <section aria-labelledby="sans-classe">
        <h2 id="sans-classe">Élèves sans classe ({without.length})</h2>
        {classes.length === 0 && without.length > 0 ? <p>Créez d’abord vos classes (onglet Classes).</p> : null}
        <UnassignedPupils
          pupils={without.map((p) => ({ id: p.id, name: pupilName(p), birth: formatDay(p.birthDate, 'dd/MM/yyyy'), level: p.level }))}
          classes={classes}
          moveAction={movePupilsAction}
          detachAction={detachPupilAction}
        />
      </section>
      <section aria-labelledby="tous">
        <h2 id="tous">Élèves inscrits dans une classe ({rows.length})</h2>
        {rows.length === 0 ? (
          <p>Aucun élève inscrit dans une classe pour l’instant.</p>
        ) : (
          <div className={s.tableWrap}>
            <table className={s.table}>
              <thead><tr><th scope="col">Élève</th><th scope="col">Classe</th></tr></thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td><Link href={`/etablissement/eleves/${p.id}`}>{p.name}</Link></td>
                    <td><Link href={`/etablissement/classes/${p.classRoom!.id}`}>{p.classRoom!.name}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
