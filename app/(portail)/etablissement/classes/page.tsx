import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Alert } from '@/components/ui/Alert';
import { DataTable } from '@/components/ui/DataTable';
import { ClassForm } from '@/components/classes/ClassForm';
import { ClassRowActions } from '@/components/classes/ClassRowActions';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import s from '@/components/classes/classes.module.css';
import { createClassAction, deleteClassAction, updateClassAction } from '@/lib/classes/actions';
import { formatJoinCode } from '@/lib/classes/join-code';
import { pupilAccess } from '@/lib/classes/access';
import { activeYear, countPupilsWithoutClass, listClasses } from '@/lib/classes/queries';
import { schoolYearLabel } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  await connection();
  const g = await requireMember('team:view', '/etablissement/classes');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const [classes, withoutClass, year] = await Promise.all([listClasses(member.establishmentId), countPupilsWithoutClass(member.establishmentId), activeYear()]);
  const years = new Set(classes.map((c) => c.schoolYear));
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="classes" />
      <h1>Classes</h1>
      {withoutClass > 0 && pupilAccess(actor).manage ? (
        <Alert tone="warning" title={`${withoutClass} élève${withoutClass > 1 ? 's' : ''} sans classe`}>
          <p>
            Des élèves se sont inscrits sans choisir de classe. <Link href="/etablissement/eleves">Choisissez une classe</Link>{' '}
            {pupilAccess(actor).manage === 'own-class' ? 'pour ceux qui sont dans l’une de vos classes.' : 'pour chacun d’eux.'}
          </p>
        </Alert>
      ) : null}
      <section aria-labelledby="ajouter" className="card">
        <h2 id="ajouter" style={{ marginTop: 0 }}>
          Ajouter une classe
        </h2>
        <p className="muted">Année scolaire {schoolYearLabel(year)}. Chaque classe reçoit un code que le professeur principal donne à ses élèves pour s’inscrire.</p>
        <ClassForm action={createClassAction} />
      </section>
      <section aria-labelledby="liste">
        <h2 id="liste">Classes de l’établissement ({classes.length})</h2>
        {classes.length === 0 ? (
          <p>Aucune classe pour l’instant. Ajoutez vos classes ci-dessus : les élèves pourront ensuite s’inscrire dans la leur.</p>
        ) : (
          <DataTable columns={['Classe', 'Filière / niveau', years.size > 1 && 'Année', 'Élèves', 'Professeur(s) principal(aux)', 'Code d’inscription', 'Actions']}>
            {classes.map((c) => (
              <tr key={c.id} data-class={c.name}>
                <td>
                  <Link href={`/etablissement/classes/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.level}</td>
                {years.size > 1 ? <td>{schoolYearLabel(c.schoolYear)}</td> : null}
                <td>{c.pupils}</td>
                <td>{c.teachers.length ? c.teachers.map((t) => t.name).join(', ') : <span className="muted">Aucun</span>}</td>
                <td>
                  <span className={s.code}>{formatJoinCode(c.joinCode)}</span>
                </td>
                <td>
                  <ClassRowActions classRoom={c} updateAction={updateClassAction} deleteAction={deleteClassAction} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
