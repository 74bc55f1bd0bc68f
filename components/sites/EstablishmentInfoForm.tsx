'use client';
// « Informations de l'Établissement »: what conventions print about the collège.
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { establishmentInfoSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

export type EstablishmentInfoValues = {
  headName: string;
  headTitle: string;
  publicEmail: string;
  publicPhone: string;
  insurer: string;
  insurancePolicy: string;
  address1: string;
  address2: string;
  postalCode: string;
  city: string;
};

export function EstablishmentInfoForm({ action, initial }: { action: (input: unknown) => Promise<ActionResult<unknown>>; initial: EstablishmentInfoValues }) {
  const { form, onSubmit, message } = useActionForm({
    schema: establishmentInfoSchema,
    defaultValues: initial,
    action,
    success: 'Les informations de l’établissement sont enregistrées : elles figureront sur les prochaines conventions.',
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Informations de l’Établissement" className={s.narrow}>
      <FormMessage message={message} />
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Chef d’établissement</strong>
        </legend>
        <Field label="Nom du chef d’établissement" hint="Par exemple « Mme Nathalie Le Bihan »." error={e.headName?.message} {...register('headName')} />
        <Field label="Fonction" hint="Principal, Principale, Directeur…" error={e.headTitle?.message} {...register('headTitle')} />
      </fieldset>
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Coordonnées</strong>
        </legend>
        <Field label="Adresse" error={e.address1?.message} {...register('address1')} />
        <Field label="Complément d’adresse" error={e.address2?.message} {...register('address2')} />
        <Field label="Code postal" inputMode="numeric" error={e.postalCode?.message} {...register('postalCode')} />
        <Field label="Commune" error={e.city?.message} {...register('city')} />
        <Field label="Email de contact" type="email" error={e.publicEmail?.message} {...register('publicEmail')} />
        <Field label="Téléphone" type="tel" error={e.publicPhone?.message} {...register('publicPhone')} />
      </fieldset>
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Assurance responsabilité civile</strong>
        </legend>
        <Field label="Assureur" error={e.insurer?.message} {...register('insurer')} />
        <Field label="Numéro de contrat" error={e.insurancePolicy?.message} {...register('insurancePolicy')} />
      </fieldset>
      <Button type="submit" pending={formState.isSubmitting}>
        Enregistrer
      </Button>
    </form>
  );
}
