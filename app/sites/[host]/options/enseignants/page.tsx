import type { Metadata } from 'next';
import { TeacherForm } from '@/components/sites/TeacherForm';
import { OptionList } from '@/components/sites/OptionList';
import { deleteTeacherAction, saveTeacherAction } from '@/lib/sites/actions';
import { stageContext } from '@/lib/stages/queries';
import { requireOptionsStaff } from '../access';

export const metadata: Metadata = { title: 'Options — Enseignants' };

export default async function TeachersOptionsPage() {
  const g = await requireOptionsStaff('enseignants');
  if (!g.ok) return g.denied;
  const { teachers } = await stageContext(g.site.id);
  return (
    <OptionList
      page={g}
      title="Enseignants"
      deleteAction={deleteTeacherAction}
      intro="Les enseignants qui encadrent les stages (« Enseignant responsable » du formulaire, filtre « Enseignant »). Décochez « Actif » pour archiver un enseignant qui a quitté le lycée."
      rows={teachers.map((t) => ({
        id: t.id,
        archived: !t.active,
        edit: <TeacherForm action={saveTeacherAction} initial={{ id: t.id, firstName: t.firstName, lastName: t.lastName, email: t.email ?? '', active: t.active }} />,
        label: `${t.firstName} ${t.lastName}${t.active ? '' : ' (archivé)'}`,
        confirm: `Supprimer ${t.firstName} ${t.lastName} ? (impossible s’il encadre des stages)`,
      }))}
      addTitle="Ajouter un enseignant"
      addForm={<TeacherForm action={saveTeacherAction} />}
    />
  );
}
