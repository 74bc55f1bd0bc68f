'use client';
// « Informations de l'Établissement »: what conventions print about the collège.
import { Field } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
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
  const cycle = useActionForm({
    schema: establishmentInfoSchema,
    defaultValues: initial,
    action,
    success: 'Les informations de l’établissement sont enregistrées : elles figureront sur les prochaines conventions.',
  });
  const { field } = cycle;
  return (
    <ActionForm cycle={cycle} label="Informations de l’Établissement" className={s.narrow} submit="Enregistrer">
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Chef d’établissement</strong>
        </legend>
        <Field label="Nom du chef d’établissement" hint="Par exemple « Mme Nathalie Le Bihan »." {...field('headName')} />
        <Field label="Fonction" hint="Principal, Principale, Directeur…" {...field('headTitle')} />
      </fieldset>
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Coordonnées</strong>
        </legend>
        <Field label="Adresse" {...field('address1')} />
        <Field label="Complément d’adresse" {...field('address2')} />
        <Field label="Code postal" inputMode="numeric" {...field('postalCode')} />
        <Field label="Commune" {...field('city')} />
        <Field label="Email de contact" type="email" {...field('publicEmail')} />
        <Field label="Téléphone" type="tel" {...field('publicPhone')} />
      </fieldset>
      <fieldset className="card" style={{ marginBottom: 'var(--space-3)' }}>
        <legend>
          <strong>Assurance responsabilité civile</strong>
        </legend>
        <Field label="Assureur" {...field('insurer')} />
        <Field label="Numéro de contrat" {...field('insurancePolicy')} />
      </fieldset>
    </ActionForm>
  );
}
