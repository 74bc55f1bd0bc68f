'use client';
// « Inviter un membre de l'équipe »: an email address and a function → an invitation link by email.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { applyServerErrors } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { STAFF_FUNCTIONS, inviteSchema, type InviteInput } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

export function InviteForm({ action }: { action: (input: InviteInput) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<InviteInput>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: '', role: 'MAIN_TEACHER' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const res = await action(values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      return setMessage({ tone: 'error', text: res.error.message });
    }
    setMessage({ tone: 'success', text: `Invitation envoyée à ${values.email.trim().toLowerCase()}. Le lien est valable une seule fois.` });
    reset({ email: '', role: values.role });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inviter un membre de l’équipe">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className={s.inlineForm}>
        <Field label="Adresse email académique" type="email" autoComplete="off" hint="Par exemple prenom.nom@ac-rennes.fr" error={formState.errors.email?.message} {...register('email')} />
        <SelectField label="Fonction" error={formState.errors.role?.message} {...register('role')}>
          {STAFF_FUNCTIONS.map((f) => <option key={f.role} value={f.role}>{f.label}</option>)}
        </SelectField>
        <Button type="submit" pending={formState.isSubmitting}>Envoyer l’invitation</Button>
      </div>
    </form>
  );
}
