'use client';
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { NewPasswordFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import { changePasswordAction } from '@/lib/accounts/actions';
import { changePasswordSchema } from '@/lib/accounts/schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/core/password-rules';
import s from './accounts.module.css';

type Values = z.input<typeof changePasswordSchema>;

/** « Modifier mon mot de passe »: then every session, this one included, signs in again. */
export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', password: '', passwordConfirm: '' },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await changePasswordAction(values);
    if (result.ok) await signOut({ callbackUrl: '/connexion?motdepasse=modifie' });
    else {
      applyServerErrors(result.error, setError);
      setFormError(result.error.message);
    }
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className={s.narrow}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Mot de passe actuel" type="password" autoComplete="current-password" {...field('currentPassword')} />
      <NewPasswordFields
        renewal
        password={field('password')}
        confirm={field('passwordConfirm')}
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Vous devrez ensuite vous reconnecter.`}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Modifier mon mot de passe
      </Button>
    </form>
  );
}
