'use client';
// Legal guardians (responsables légaux), at most two, filled by the staff or the pupil.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { EmailField, NameFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { guardiansSchema, type GuardianInput } from '@/lib/classes/schema';
import s from './classes.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

const schema = z.object({ guardians: guardiansSchema });
type Values = { guardians: GuardianInput[] };
const empty: GuardianInput = { lastName: '', firstName: '', email: '', phone: '' };

type Props = {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** Staff: the pupil edited (the pupil's own page sends none). */
  pupilId?: string;
  initial: GuardianInput[];
};

/** One guardian's fields, bound by the form that holds `guardians` (this one, or the pupil's sign-up). */
export function GuardianFields({ index, field }: { index: number; field: ReturnType<typeof fieldBinder<Values>> }) {
  const at = (key: keyof GuardianInput) => field(`guardians.${index}.${key}`);
  return (
    <fieldset className={s.fieldset}>
      <legend>Responsable légal {index + 1} (facultatif)</legend>
      <div className="grid-2">
        <NameFields lastName={at('lastName')} firstName={at('firstName')} autoComplete="off" />
        <EmailField label="Adresse email" autoComplete="off" {...at('email')} />
        <Field label="Téléphone" type="tel" autoComplete="off" hint="Par exemple 06 12 34 56 78" {...at('phone')} />
      </div>
    </fieldset>
  );
}

export function GuardiansForm({ action, pupilId, initial }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(schema) as never,
    defaultValues: { guardians: [initial[0] ?? empty, initial[1] ?? empty] },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const res = await action(pupilId ? { pupilId, guardians: values.guardians } : { guardians: values.guardians });
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      return setMessage({ tone: 'error', text: res.error.message });
    }
    setMessage({ tone: 'success', text: 'Responsables légaux enregistrés.' });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Responsables légaux">
      <FormMessage message={message} />
      {[0, 1].map((i) => (
        <GuardianFields key={i} index={i} field={field} />
      ))}
      <Button type="submit" variant="secondary" pending={formState.isSubmitting}>
        Enregistrer les responsables légaux
      </Button>
    </form>
  );
}
