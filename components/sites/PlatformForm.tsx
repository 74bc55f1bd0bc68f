'use client';
// The operator's platform form: the lycée (UAI of the directory), name, subdomain, custom domains, logo.
import { Checkbox, Field, TextAreaField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { platformSchema, platformUpdateSchema } from '@/lib/sites/schema';
import { slugify } from '@/lib/sites/urls';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

type Values = { uai: string; name: string; slug: string; domains: string; logoUrl: string; active?: boolean };

export function PlatformForm({
  action,
  initial,
  siteId,
  rootDomain,
}: {
  action: (input: unknown) => Promise<ActionResult<{ id: string; slug: string }>>;
  initial?: Values;
  siteId?: string;
  rootDomain: string;
}) {
  const editing = !!siteId;
  const { form, onSubmit, message } = useActionForm({
    schema: (editing ? platformUpdateSchema.omit({ id: true }) : platformSchema) as typeof platformSchema,
    defaultValues: initial ?? { uai: '', name: '', slug: '', domains: '', logoUrl: '' },
    action,
    extra: editing ? { id: siteId } : {},
    success: editing ? 'La plateforme est enregistrée.' : 'La plateforme est créée.',
    redirectTo: (d) => (editing ? null : `/operateur/plateformes/${d.id}`),
  });
  const { register, formState, watch, setValue, getValues } = form;
  const e = formState.errors;
  const slug = watch('slug');
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? 'Modifier la plateforme' : 'Créer une plateforme'} className={s.narrow}>
      <FormMessage message={message} />
      {editing ? null : (
        <Field
          label="Code UAI du lycée"
          hint="Le lycée doit figurer dans l’annuaire de l’éducation importé (par exemple 0350709F)."
          error={e.uai?.message}
          {...register('uai')}
        />
      )}
      <Field
        label="Nom de la plateforme"
        hint="Par exemple « Lycée professionnel la Champagne »."
        error={e.name?.message}
        {...register('name', { onBlur: () => (!getValues('slug') ? setValue('slug', slugify(getValues('name'))) : undefined) })}
      />
      <Field
        label="Sous-domaine"
        hint={`La plateforme sera servie à l’adresse ${slug || '…'}.${rootDomain}`}
        autoComplete="off"
        error={e.slug?.message}
        {...register('slug')}
      />
      <TextAreaField
        label="Domaines personnalisés (facultatif)"
        rows={2}
        hint="Un par ligne, par exemple ministage.lycee-exemple.fr. Le DNS du domaine doit pointer vers ministage."
        error={e.domains?.message as string | undefined}
        {...register('domains')}
      />
      <Field label="Adresse du logo (facultatif)" type="url" error={e.logoUrl?.message} {...register('logoUrl')} />
      {editing ? <Checkbox label="Plateforme ouverte (décochez pour la fermer : ses adresses répondront « introuvable »)" {...register('active' as never)} /> : null}
      <Button type="submit" pending={formState.isSubmitting}>
        {editing ? 'Enregistrer' : 'Créer la plateforme'}
      </Button>
    </form>
  );
}
