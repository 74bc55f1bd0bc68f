import type { Metadata } from 'next';
import { FormationForm } from '@/components/sites/FormationForm';
import { OptionList } from '@/components/sites/OptionList';
import { deleteFormationAction, saveFormationAction } from '@/lib/sites/actions';
import { stageContext } from '@/lib/stages/queries';
import { requireOptionsStaff } from '../access';

export const metadata: Metadata = { title: 'Options — Formations' };

export default async function FormationsOptionsPage() {
  const g = await requireOptionsStaff('formations');
  if (!g.ok) return g.denied;
  const { formations } = await stageContext(g.site.id);
  return (
    <OptionList
      page={g}
      title="Formations (filières)"
      deleteAction={deleteFormationAction}
      intro="Les formations proposées dans le formulaire de stage et dans le filtre « Filière ». Décochez « Proposée » pour archiver une formation : elle n’est plus proposée, ses stages restent."
      rows={formations.map((f) => ({
        id: f.id,
        archived: !f.active,
        edit: <FormationForm action={saveFormationAction} initial={{ id: f.id, type: f.type, name: f.name, active: f.active }} />,
        label: `${f.type} ${f.name}${f.active ? '' : ' (archivée)'}`,
        confirm: `Supprimer « ${f.type} ${f.name} » ? (impossible si des stages l’utilisent)`,
      }))}
      addTitle="Ajouter une formation"
      addForm={<FormationForm action={saveFormationAction} />}
    />
  );
}
