import type { Metadata } from 'next';
import { FormationForm } from '@/components/sites/FormationForm';
import { OptionList } from '@/components/sites/OptionList';
import { deleteFormationAction, saveFormationAction } from '@/lib/sites/actions';
import { stageContext } from '@/lib/stages/queries';
import { requireSite } from '@/lib/core/guards';
import { siteAbilities } from '@/lib/sites/guard';
import { OptionsFrame } from '../access';

export const metadata: Metadata = { title: 'Options — Formations' };

export default async function FormationsOptionsPage() {
  const g = await requireSite('stages:publish', '/options/formations');
  if (!g.ok) return g.denied;
  const { site } = g;
  const { staff, admin, college } = siteAbilities(g.actor);
  const { formations } = await stageContext(site.id);
  return (
    <OptionsFrame current="formations" staff={staff} college={college}>
      <OptionList
        title="Formations (filières)"
        admin={admin}
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
    </OptionsFrame>
  );
}
