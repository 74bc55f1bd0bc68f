import type { Metadata } from 'next';
import { TeacherForm } from '@/components/sites/TeacherForm';
import { DeleteButton } from '@/components/sites/DeleteButton';
import { deleteTeacherAction, saveTeacherAction } from '@/lib/sites/actions';
import { stageContext } from '@/lib/stages/queries';
import { OptionsFrame, ReadOnly, SignInFirst, optionsAccess } from '../access';
import s from '@/components/sites/sites.module.css';

export const metadata: Metadata = { title: 'Options — Enseignants' };

export default async function TeachersOptionsPage() {
  const { site, staff, admin, college, signedIn } = await optionsAccess();
  if (!signedIn || !staff) return <SignInFirst path="/options/enseignants" />;
  const { teachers } = await stageContext(site.id);
  return (
    <OptionsFrame current="enseignants" staff={staff} college={college}>
      <h2>Enseignants</h2>
      <p>Les enseignants qui encadrent les stages (« Enseignant responsable » du formulaire, filtre « Enseignant »). Décochez « Actif » pour archiver un enseignant qui a quitté le lycée.</p>
      {!admin ? <ReadOnly /> : null}
      <ul className={s.rows}>
        {teachers.map((t) => (
          <li key={t.id} className={t.active ? undefined : s.archived}>
            {admin ? (
              <>
                <TeacherForm action={saveTeacherAction} initial={{ id: t.id, firstName: t.firstName, lastName: t.lastName, email: t.email ?? '', active: t.active }} />
                <DeleteButton action={deleteTeacherAction} id={t.id} label="Supprimer" confirm={`Supprimer ${t.firstName} ${t.lastName} ? (impossible s’il encadre des stages)`} />
              </>
            ) : (
              <span>{t.firstName} {t.lastName}{t.active ? '' : ' (archivé)'}</span>
            )}
          </li>
        ))}
      </ul>
      {admin ? (
        <section aria-labelledby="ajouter-enseignant" className="card">
          <h3 id="ajouter-enseignant">Ajouter un enseignant</h3>
          <TeacherForm action={saveTeacherAction} />
        </section>
      ) : null}
    </OptionsFrame>
  );
}
