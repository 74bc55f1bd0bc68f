'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { NewPasswordFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import { resetPasswordAction } from '@/lib/accounts/actions';
import { resetPasswordSchema } from '@/lib/accounts/schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/core/password-rules';
import s from './accounts.module.css';

type Values = z.input<typeof resetPasswordSchema>;

/** The new password (twice) for a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, password: '', passwordConfirm: '' },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await resetPasswordAction(values);
    if (result.ok) setDone(result.data.login);
    else {
      applyServerErrors(result.error, setError);
      setFormError(result.error.message);
    }
  });
  if (done) {
    return (
      <Alert tone="success" title="Votre mot de passe est modifié">
        <p>Vous pouvez vous connecter avec l’identifiant {done} et votre nouveau mot de passe. Les sessions ouvertes ailleurs ont été fermées.</p>
        <p>
          <Link href="/connexion">Se connecter</Link>
        </p>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} method="post" noValidate className={s.narrow}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...register('token')} />
      <NewPasswordFields renewal password={field('password')} confirm={field('passwordConfirm')} hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`} />
      <Button type="submit" pending={formState.isSubmitting}>
        Enregistrer le nouveau mot de passe
      </Button>
    </form>
  );
}
