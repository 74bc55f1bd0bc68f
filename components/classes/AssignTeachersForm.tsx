'use client';
// The chef d'établissement chooses the professeur(s) principal(aux) of a class.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { Checkbox } from '@/components/ui/Field';
import type { ActionResult } from '@/lib/core/action-types';
import s from './classes.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Props = {
  classRoomId: string;
  teachers: { id: string; name: string }[];
  assigned: string[];
  action: (input: { classRoomId: string; membershipIds: string[] }) => Promise<ActionResult<unknown>>;
};

export function AssignTeachersForm({ classRoomId, teachers, assigned, action }: Props) {
  const router = useRouter();
  const [chosen, setChosen] = useState(new Set(assigned));
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  if (teachers.length === 0)
    return (
      <p>
        Aucun professeur principal n’est encore inscrit. <Link href="/etablissement/equipe">Invitez-les depuis la page Équipe</Link>.
      </p>
    );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await action({ classRoomId, membershipIds: [...chosen] });
      setMessage(res.ok ? { tone: 'success', text: 'Professeurs principaux enregistrés.' } : { tone: 'error', text: res.error.message });
      if (res.ok) router.refresh();
    });
  };
  return (
    <form onSubmit={submit}>
      <FormMessage message={message} />
      <fieldset className={s.fieldset}>
        <legend>Professeur(s) principal(aux) de la classe</legend>
        {teachers.map((t) => (
          <Checkbox
            key={t.id}
            label={t.name}
            checked={chosen.has(t.id)}
            onChange={() =>
              setChosen((prev) => {
                const next = new Set(prev);
                if (next.has(t.id)) next.delete(t.id);
                else next.add(t.id);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" pending={pending}>
        Enregistrer les professeurs principaux
      </Button>
    </form>
  );
}
