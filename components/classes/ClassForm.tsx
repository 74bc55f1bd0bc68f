'use client';
// « Ajouter une classe » / edit a class: name + filière/niveau → « Enregistrer ».
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { LEVELS, classFormSchema, type ClassFormInput } from '@/lib/classes/schema';
import s from './classes.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

export type ClassFormProps = {
  /** The server action: createClassAction, or updateClassAction (then classRoomId is set). */
  action: (input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
  classRoomId?: string;
  initial?: ClassFormInput;
  /** Called after a successful save (e.g. to close an inline editor). */
  onDone?: () => void;
  onCancel?: () => void;
};

export function ClassForm({ action, classRoomId, initial, onDone, onCancel }: ClassFormProps) {
  const router = useRouter();
  const editing = !!classRoomId;
  const [message, setMessage] = useState<Message>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<ClassFormInput>({
    resolver: zodResolver(classFormSchema),
    defaultValues: initial ?? { name: '', level: '' as ClassFormInput['level'] },
  });
  const field = fieldBinder(register, formState.errors);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const res = await action(editing ? { ...values, classRoomId } : values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      setMessage({ tone: 'error', text: res.error.message });
      return;
    }
    setMessage({ tone: 'success', text: editing ? `La classe « ${res.data.name} » a été enregistrée.` : `La classe « ${res.data.name} » a été ajoutée.` });
    if (!editing) reset({ name: '', level: values.level });
    router.refresh();
    onDone?.();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? `Modifier la classe ${initial?.name ?? ''}` : 'Ajouter une classe'}>
      <FormMessage message={message} />
      <div className={s.inlineForm}>
        <Field label="Nom de la classe" hint="Par exemple « 3e B »" autoComplete="off" {...field('name')} />
        <SelectField label="Filière / niveau" options={LEVELS} {...field('level')}>
          <option value="">Choisissez…</option>
        </SelectField>
        <Button type="submit" pending={formState.isSubmitting}>
          Enregistrer
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        ) : null}
      </div>
    </form>
  );
}
