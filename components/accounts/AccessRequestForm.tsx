'use client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { EmailField, NameFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
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
  const field = fieldBinder(register, formState.errors);
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
      <Field label="Code UAI" readOnly {...field('uai')} />
      <NameFields lastName={field('lastName')} firstName={field('firstName')} />
      <Field label="Fonction dans l’établissement" hint="Par exemple : professeur principal de 3e B, CPE, secrétariat" {...field('function')} />
      <EmailField
        label="Adresse email académique"
        hint="Obligatoire : votre adresse professionnelle en @ac-… (par exemple prenom.nom@ac-rennes.fr)."
        {...field('email')}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Valider la demande de création de compte
      </Button>
    </form>
  );
}
