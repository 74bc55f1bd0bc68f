'use client';
// « Inviter un membre de l'équipe »: an email address and a function → an invitation link by email.
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { STAFF_FUNCTIONS, inviteSchema } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

export function InviteForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const { form, onSubmit, message, errors, pending } = useActionForm({
    schema: inviteSchema,
    defaultValues: { email: '', role: 'MAIN_TEACHER' },
    action,
    success: (_d, values) => `Invitation envoyée à ${values.email.trim().toLowerCase()}. Le lien est valable une seule fois.`,
    onDone: (_d, values, f) => f.reset({ email: '', role: values.role }),
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inviter un membre de l’équipe">
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <Field
          label="Adresse email académique"
          type="email"
          autoComplete="off"
          hint="Par exemple prenom.nom@ac-rennes.fr"
          error={errors.email?.message}
          {...register('email')}
        />
        <SelectField label="Fonction" error={errors.role?.message} {...register('role')}>
          {STAFF_FUNCTIONS.map((f) => (
            <option key={f.role} value={f.role}>
              {f.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={pending}>
          Envoyer l’invitation
        </Button>
      </div>
    </form>
  );
}
