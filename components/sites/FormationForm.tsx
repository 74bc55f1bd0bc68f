'use client';
// A formation (filière) of the lycée: type + name, active or archived.
import { Checkbox, Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { FORMATION_TYPES, formationSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

type Values = { id?: string; type: string; name: string; active: boolean };

export function FormationForm({ action, initial }: { action: (input: unknown) => Promise<ActionResult<unknown>>; initial?: Values }) {
  const editing = !!initial?.id;
  const empty = { type: 'Bac pro', name: '', active: true };
  const { form, onSubmit, message, field, pending } = useActionForm({
    schema: formationSchema,
    defaultValues: initial ?? empty,
    action,
    extra: initial?.id ? { id: initial.id } : {},
    success: editing ? 'Formation enregistrée.' : 'Formation ajoutée.',
    onDone: (_d, _v, f) => (editing ? undefined : f.reset(empty)),
  });
  const types = [...new Set([...FORMATION_TYPES, ...(initial ? [initial.type] : [])])];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? `Modifier la formation ${initial?.name}` : 'Ajouter une formation'}>
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <SelectField label="Type" options={types} {...field('type')} />
        <Field label="Nom de la formation" data-grow {...field('name')} />
        {editing ? <Checkbox label="Proposée" {...form.register('active')} /> : null}
        <Button type="submit" pending={pending}>
          {editing ? 'Enregistrer' : 'Ajouter'}
        </Button>
      </div>
    </form>
  );
}
