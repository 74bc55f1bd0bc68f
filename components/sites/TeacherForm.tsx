'use client';
// A teacher of the lycée who supervises stages.
import { Checkbox, Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { teacherSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

type Values = { id?: string; firstName: string; lastName: string; email: string; active: boolean };

export function TeacherForm({ action, initial }: { action: (input: unknown) => Promise<ActionResult<unknown>>; initial?: Values }) {
  const editing = !!initial?.id;
  const empty = { firstName: '', lastName: '', email: '', active: true };
  const { form, onSubmit, message, field, pending } = useActionForm({
    schema: teacherSchema,
    defaultValues: initial ?? empty,
    action,
    extra: initial?.id ? { id: initial.id } : {},
    success: editing ? 'Enseignant enregistré.' : 'Enseignant ajouté.',
    onDone: (_d, _v, f) => (editing ? undefined : f.reset(empty)),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? `Modifier l’enseignant ${initial?.firstName} ${initial?.lastName}` : 'Ajouter un enseignant'}>
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <Field label="Prénom" {...field('firstName')} />
        <Field label="Nom" {...field('lastName')} />
        <Field label="Email (facultatif)" type="email" {...field('email')} />
        {editing ? <Checkbox label="Actif" {...form.register('active')} /> : null}
        <Button type="submit" pending={pending}>
          {editing ? 'Enregistrer' : 'Ajouter'}
        </Button>
      </div>
    </form>
  );
}
