'use client';
// The operator's platform form: the lycée (UAI of the directory), name, subdomain, custom domains, logo.
import { Checkbox, Field, TextAreaField } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
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
  const cycle = useActionForm({
    schema: (editing ? platformUpdateSchema.omit({ id: true }) : platformSchema) as typeof platformSchema,
    defaultValues: initial ?? { uai: '', name: '', slug: '', domains: '', logoUrl: '' },
    action,
    extra: editing ? { id: siteId } : {},
    success: editing ? 'La plateforme est enregistrée.' : 'La plateforme est créée.',
    redirectTo: (d) => (editing ? null : `/operateur/plateformes/${d.id}`),
  });
  const { form, field } = cycle;
  const { register, watch, setValue, getValues } = form;
  const slug = watch('slug');
  return (
    <ActionForm
      cycle={cycle}
      label={editing ? 'Modifier la plateforme' : 'Créer une plateforme'}
      className={s.narrow}
      submit={editing ? 'Enregistrer' : 'Créer la plateforme'}
    >
      {editing ? null : <Field label="Code UAI du lycée" hint="Le lycée doit figurer dans l’annuaire de l’éducation importé (par exemple 0350709F)." {...field('uai')} />}
      <Field
        label="Nom de la plateforme"
        hint="Par exemple « Lycée professionnel la Champagne »."
        {...field('name', { onBlur: () => (!getValues('slug') ? setValue('slug', slugify(getValues('name'))) : undefined) })}
      />
      <Field label="Sous-domaine" hint={`La plateforme sera servie à l’adresse ${slug || '…'}.${rootDomain}`} autoComplete="off" {...field('slug')} />
      <TextAreaField
        label="Domaines personnalisés (facultatif)"
        rows={2}
        hint="Un par ligne, par exemple ministage.lycee-exemple.fr. Le DNS du domaine doit pointer vers ministage."
        {...field('domains')}
      />
      <Field label="Adresse du logo (facultatif)" type="url" {...field('logoUrl')} />
      {editing ? <Checkbox label="Plateforme ouverte (décochez pour la fermer : ses adresses répondront « introuvable »)" {...register('active' as never)} /> : null}
    </ActionForm>
  );
}
