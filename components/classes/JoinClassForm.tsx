'use client';
// A signed-in pupil types the code of their class.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { fieldBinder } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { joinClassSchema } from '@/lib/classes/pupil-schema';
import s from './classes.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Result = { className: string; establishmentName: string };

export function JoinClassForm({ action, code = '' }: { action: (input: { code: string }) => Promise<ActionResult<Result>>; code?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const { register, handleSubmit, formState } = useForm<{ code: string }>({ resolver: zodResolver(joinClassSchema), defaultValues: { code } });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    const res = await action(values);
    if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
    setMessage({ tone: 'success', text: `Vous êtes inscrit(e) dans la classe ${res.data.className} du ${res.data.establishmentName}.` });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Rejoindre ma classe">
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <Field label="Code de la classe" hint="6 caractères, donnés par votre professeur principal" autoComplete="off" autoCapitalize="characters" {...field('code')} />
        <Button type="submit" pending={formState.isSubmitting}>
          Rejoindre la classe
        </Button>
      </div>
    </form>
  );
}
