'use client';
// A contact of the platform (name, role, email, phone, order): add or edit inline.
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { contactSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

export type ContactValues = { id?: string; name: string; role: string; email: string; phone: string; position: number };

export function ContactForm({ action, initial }: { action: (input: unknown) => Promise<ActionResult<unknown>>; initial?: ContactValues }) {
  const editing = !!initial?.id;
  const { onSubmit, message, field, pending } = useActionForm({
    schema: contactSchema,
    defaultValues: initial ?? { name: '', role: '', email: '', phone: '', position: 1 },
    action,
    extra: initial?.id ? { id: initial.id } : {},
    success: editing ? 'Contact enregistré.' : 'Contact ajouté.',
    onDone: (_d, _v, f) => (editing ? undefined : f.reset({ name: '', role: '', email: '', phone: '', position: 1 })),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? `Modifier le contact ${initial?.name}` : 'Ajouter un contact'}>
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <Field label="Nom" {...field('name')} />
        <Field label="Fonction" {...field('role')} />
        <Field label="Email" type="email" {...field('email')} />
        <Field label="Téléphone" type="tel" {...field('phone')} />
        <Field label="Ordre" type="number" min={0} style={{ width: '5rem' }} {...field('position', { valueAsNumber: true })} />
        <Button type="submit" pending={pending}>
          {editing ? 'Enregistrer' : 'Ajouter'}
        </Button>
      </div>
    </form>
  );
}
