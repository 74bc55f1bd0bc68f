'use client';
// « Inviter un membre de l'équipe »: an email address and a function → an invitation link by email.
import { SelectField } from '@/components/ui/Field';
import { EmailField } from '@/components/ui/FieldGroups';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { STAFF_FUNCTIONS, inviteSchema } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

export function InviteForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const { onSubmit, message, field, pending } = useActionForm({
    schema: inviteSchema,
    defaultValues: { email: '', role: 'MAIN_TEACHER' },
    action,
    success: (_d, values) => `Invitation envoyée à ${values.email.trim().toLowerCase()}. Le lien est valable une seule fois.`,
    onDone: (_d, values, f) => f.reset({ email: '', role: values.role }),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inviter un membre de l’équipe">
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <EmailField label="Adresse email académique" autoComplete="off" hint="Par exemple prenom.nom@ac-rennes.fr" {...field('email')} />
        <SelectField label="Fonction" options={STAFF_FUNCTIONS} {...field('role')} />
        <Button type="submit" pending={pending}>
          Envoyer l’invitation
        </Button>
      </div>
    </form>
  );
}
