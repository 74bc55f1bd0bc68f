import type { Metadata } from 'next';
import { FormationForm } from '@/components/sites/FormationForm';
import { DeleteButton } from '@/components/sites/DeleteButton';
import { deleteFormationAction, saveFormationAction } from '@/lib/sites/actions';
import { stageContext } from '@/lib/stages/queries';
import { OptionsFrame, ReadOnly, SignInFirst, optionsAccess } from '../access';
import s from '@/components/sites/sites.module.css';

export const metadata: Metadata = { title: 'Options — Formations' };

export default async function FormationsOptionsPage() {
  const { site, staff, admin, college, signedIn } = await optionsAccess();
  if (!signedIn || !staff) return <SignInFirst path="/options/formations" />;
  const { formations } = await stageContext(site.id);
  return (
    <OptionsFrame current="formations" staff={staff} college={college}>
      <h2>Formations (filières)</h2>
      <p>Les formations proposées dans le formulaire de stage et dans le filtre « Filière ». Décochez « Proposée » pour archiver une formation : elle n’est plus proposée, ses stages restent.</p>
      {!admin ? <ReadOnly /> : null}
      <ul className={s.rows}>
        {formations.map((f) => (
          <li key={f.id} className={f.active ? undefined : s.archived}>
            {admin ? (
              <>
                <FormationForm action={saveFormationAction} initial={{ id: f.id, type: f.type, name: f.name, active: f.active }} />
                <DeleteButton action={deleteFormationAction} id={f.id} label="Supprimer" confirm={`Supprimer « ${f.type} ${f.name} » ? (impossible si des stages l’utilisent)`} />
              </>
            ) : (
              <span>{f.type} {f.name}{f.active ? '' : ' (archivée)'}</span>
            )}
          </li>
        ))}
      </ul>
      {admin ? (
        <section aria-labelledby="ajouter-formation" className="card">
          <h3 id="ajouter-formation">Ajouter une formation</h3>
          <FormationForm action={saveFormationAction} />
        </section>
      ) : null}
    </OptionsFrame>
  );
}
