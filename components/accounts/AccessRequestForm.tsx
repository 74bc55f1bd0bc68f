'use client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { applyServerErrors } from '@/components/ui/form';
import { submitAccessRequestAction } from '@/lib/accounts/actions';
import { accessRequestSchema, type AccessRequestInput } from '@/lib/accounts/schema';
import s from './accounts.module.css';

/** « Demande de création de compte »: code UAI, nom, prénom, fonction, adresse email académique. */
export function AccessRequestForm({ uai }: { uai: string }) {
  const [sent, setSent] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AccessRequestInput>({
    resolver: zodResolver(accessRequestSchema),
    defaultValues: { uai, lastName: '', firstName: '', function: '', email: '' },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await submitAccessRequestAction(values);
    if (result.ok) setSent(result.data.message);
    else {
      applyServerErrors(result.error, setError);
      setFormError(result.error.message);
    }
  });
  if (sent)
    return (
      <Alert tone="success" title="Demande envoyée">
        {sent}
      </Alert>
    );
  return (
    <form onSubmit={onSubmit} method="post" noValidate className={s.narrow}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Code UAI" readOnly error={errors.uai?.message} {...register('uai')} />
      <Field label="Nom" autoComplete="family-name" error={errors.lastName?.message} {...register('lastName')} />
      <Field label="Prénom" autoComplete="given-name" error={errors.firstName?.message} {...register('firstName')} />
      <Field
        label="Fonction dans l’établissement"
        hint="Par exemple : professeur principal de 3e B, CPE, secrétariat"
        error={errors.function?.message}
        {...register('function')}
      />
      <Field
        label="Adresse email académique"
        type="email"
        autoComplete="email"
        hint="Obligatoire : votre adresse professionnelle en @ac-… (par exemple prenom.nom@ac-rennes.fr)."
        error={errors.email?.message}
        {...register('email')}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Valider la demande de création de compte
      </Button>
    </form>
  );
}
