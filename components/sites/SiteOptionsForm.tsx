'use client';
// Options générales of a platform: name, logo, how conventions are returned, text printed on them.
import { Field, TextAreaField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { siteOptionsSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

type Values = { name: string; logoUrl: string; conventionReturn: string; conventionText: string };

export function SiteOptionsForm({ action, initial }: { action: (input: unknown) => Promise<ActionResult<unknown>>; initial: Values }) {
  const { form, onSubmit, message } = useActionForm({
    schema: siteOptionsSchema,
    defaultValues: initial,
    action,
    success: 'Les options de la plateforme sont enregistrées.',
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Options générales" className={s.narrow}>
      <FormMessage message={message} />
      <Field label="Nom de la plateforme" hint="Affiché en haut de chaque page : « MINI-STAGE.FR – … »." error={e.name?.message} {...register('name')} />
      <Field label="Adresse du logo" type="url" hint="Une image en ligne (https://…), affichée à côté du nom." error={e.logoUrl?.message} {...register('logoUrl')} />
      <TextAreaField
        label="Retour des conventions"
        rows={3}
        hint="Comment les collèges retournent la convention signée (courrier, dépôt au secrétariat, délai…)."
        error={e.conventionReturn?.message}
        {...register('conventionReturn')}
      />
      <TextAreaField
        label="Texte imprimé sur les conventions"
        rows={5}
        hint="Clauses particulières du lycée (tenue, règlement intérieur…)."
        error={e.conventionText?.message}
        {...register('conventionText')}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Enregistrer
      </Button>
    </form>
  );
}
