'use client';
// Invite a lycée staff member to the platform: email + role (administrateur or enseignant).
import { SelectField } from '@/components/ui/Field';
import { EmailField } from '@/components/ui/FieldGroups';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { inviteSchema, SITE_ROLE_LABELS } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

export function InviteStaffForm({ action, siteId }: { action: (input: unknown) => Promise<ActionResult<{ email: string }>>; siteId?: string }) {
  const { onSubmit, message, field, pending } = useActionForm({
    schema: inviteSchema,
    defaultValues: { email: '', role: 'TEACHER' },
    action,
    extra: siteId ? { siteId } : {},
    success: (d) => `Invitation envoyée à ${d.email}. Le lien est valable 7 jours.`,
    onDone: (_d, _v, f) => f.reset({ email: '', role: 'TEACHER' }),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inviter un membre de l’équipe">
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <EmailField label="Adresse email" autoComplete="off" style={{ minWidth: '18rem' }} {...field('email')} />
        <SelectField label="Rôle" {...field('role')}>
          <option value="TEACHER">{SITE_ROLE_LABELS.TEACHER}</option>
          <option value="ADMIN">{SITE_ROLE_LABELS.ADMIN}</option>
        </SelectField>
        <Button type="submit" pending={pending}>
          Envoyer l’invitation
        </Button>
      </div>
    </form>
  );
}
