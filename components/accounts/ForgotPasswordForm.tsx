'use client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { EmailField } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import { requestPasswordResetAction } from '@/lib/accounts/actions';
import { forgotPasswordSchema } from '@/lib/accounts/schema';
import s from './accounts.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Values = z.input<typeof forgotPasswordSchema>;

/** « Recevoir l'email de réinitialisation du mot de passe »: the same answer for every address. */
export function ForgotPasswordForm() {
  const [answer, setAnswer] = useState<Message>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setAnswer(null);
    const result = await requestPasswordResetAction(values);
    if (result.ok) setAnswer({ tone: 'success', text: result.data.message });
    else {
      applyServerErrors(result.error, setError);
      setAnswer({ tone: 'error', text: result.error.message });
    }
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className={s.narrow}>
      <EmailField label="Votre adresse Email" {...field('email')} />
      <Button type="submit" pending={formState.isSubmitting}>
        Recevoir l’email de réinitialisation du mot de passe
      </Button>
      {answer ? <Alert tone={answer.tone}>{answer.text}</Alert> : null}
    </form>
  );
}
