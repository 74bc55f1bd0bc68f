'use client';
// « Je suis membre de l'équipe pédagogique »: nom, prénom, fonction, email académique, mot de passe → « Je m'inscris ».
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { applyServerErrors } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { STAFF_FUNCTIONS, staffSignUpSchema, type StaffSignUpInput } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

type Props = { uai: string; establishmentName: string; action: (input: StaffSignUpInput) => Promise<ActionResult<{ email: string; establishmentName: string }>> };

export function StaffSignUpForm({ uai, establishmentName, action }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setErrorMessage] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<StaffSignUpInput>({
    resolver: zodResolver(staffSignUpSchema),
    defaultValues: { uai, lastName: '', firstName: '', role: '' as never, email: '', password: '', passwordConfirm: '' },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await action(values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      return setErrorMessage(res.error.message);
    }
    setDone(res.data.email);
  });
  if (done) {
    return (
      <Alert tone="success" title="Vérifiez votre messagerie">
        <p>
          Un email d’activation vient d’être envoyé à <strong>{done}</strong>. Cliquez sur le lien qu’il contient (il expire au bout de quelques minutes).
        </p>
        <p>Votre chef d’établissement doit ensuite approuver votre inscription dans l’équipe du {establishmentName} : vous recevrez un email dès que ce sera fait.</p>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className={s.narrow} aria-label="Inscription d’un membre de l’équipe pédagogique">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <input type="hidden" {...register('uai')} />
      <Field label="Nom" autoComplete="family-name" error={errors.lastName?.message} {...register('lastName')} />
      <Field label="Prénom" autoComplete="given-name" error={errors.firstName?.message} {...register('firstName')} />
      <SelectField label="Fonction" error={errors.role?.message} {...register('role')}>
        <option value="">Choisissez votre fonction…</option>
        {STAFF_FUNCTIONS.map((f) => (
          <option key={f.role} value={f.role}>
            {f.label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Adresse email académique"
        type="email"
        autoComplete="email"
        hint="Votre adresse @ac-… : elle sera votre identifiant de connexion."
        error={errors.email?.message}
        {...register('email')}
      />
      <Field label="Mot de passe" type="password" autoComplete="new-password" hint="Au moins 12 caractères." error={errors.password?.message} {...register('password')} />
      <Field label="Confirmation du mot de passe" type="password" autoComplete="new-password" error={errors.passwordConfirm?.message} {...register('passwordConfirm')} />
      {errors.uai?.message ? <Alert tone="error">{errors.uai.message}</Alert> : null}
      <Button type="submit" pending={formState.isSubmitting}>
        Je m’inscris
      </Button>
    </form>
  );
}
