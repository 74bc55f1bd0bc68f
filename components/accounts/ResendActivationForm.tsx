'use client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import { resendActivationAction } from '@/lib/accounts/actions';
import { resendActivationSchema } from '@/lib/accounts/schema';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Values = z.input<typeof resendActivationSchema>;

/**
 * With `identifier`: one button « Recevoir l'email de confirmation à l'adresse … ».
 * Without: « Vous n'avez pas reçu le message d'activation ? » asks for the identifier.
 */
export function ResendActivationForm({ identifier }: { identifier?: string }) {
  const [answer, setAnswer] = useState<Message>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(resendActivationSchema),
    defaultValues: { identifier: identifier ?? '' },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setAnswer(null);
    const result = await resendActivationAction(values);
    if (result.ok) setAnswer({ tone: 'success', text: result.data.message });
    else {
      applyServerErrors(result.error, setError);
      setAnswer({ tone: 'error', text: result.error.message });
    }
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate>
      {identifier ? (
        <input type="hidden" {...register('identifier')} />
      ) : (
        <Field label="Votre adresse Email (votre identifiant)" autoComplete="username" {...field('identifier')} />
      )}
      <Button type="submit" variant={identifier ? 'secondary' : 'primary'} pending={formState.isSubmitting}>
        {identifier ? `Recevoir l’email de confirmation à l’adresse ${identifier}` : 'Recevoir un nouvel email d’activation'}
      </Button>
      {answer ? <Alert tone={answer.tone}>{answer.text}</Alert> : null}
    </form>
  );
}
