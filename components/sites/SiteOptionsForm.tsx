'use client';
// Options générales of a platform: name, logo, how conventions are returned, text printed on them.
import { Field, TextAreaField } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
import { updateSiteOptionsAction } from '@/lib/sites/actions';
import { siteOptionsSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

type Values = { name: string; logoUrl: string; conventionReturn: string; conventionText: string };

export function SiteOptionsForm({ initial }: { initial: Values }) {
  const cycle = useActionForm({
    schema: siteOptionsSchema,
    defaultValues: initial,
    action: updateSiteOptionsAction,
    success: 'Les options de la plateforme sont enregistrées.',
  });
  const { field } = cycle;
  return (
    <ActionForm cycle={cycle} label="Options générales" className={s.narrow} submit="Enregistrer">
      <Field label="Nom de la plateforme" hint="Affiché en haut de chaque page : « MINI-STAGE.FR – … »." {...field('name')} />
      <Field label="Adresse du logo" type="url" hint="Une image en ligne (https://…), affichée à côté du nom." {...field('logoUrl')} />
      <TextAreaField
        label="Retour des conventions"
        rows={3}
        hint="Comment les collèges retournent la convention signée (courrier, dépôt au secrétariat, délai…)."
        {...field('conventionReturn')}
      />
      <TextAreaField
        label="Texte imprimé sur les conventions"
        rows={5}
        hint="Clauses particulières du lycée (tenue, règlement intérieur…)."
        {...field('conventionText')}
      />
    </ActionForm>
  );
}
