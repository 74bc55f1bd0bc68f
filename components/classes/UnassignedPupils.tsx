'use client';
// Pupils who signed up without a class: « Choisissez une classe » for each one, or « Cet élève ne
// fait pas partie de mon établissement ». Each column shows only when its action is given: a
// professeur principal gets the class picker (their classes) and no detach; the Psy-EN, neither.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import { FormMessage } from '@/components/ui/Alert';
import { DataTable } from '@/components/ui/DataTable';
import type { ActionResult } from '@/lib/core/action-types';
import type { MovePupilsInput } from '@/lib/classes/schema';
import { ActionButton } from '@/components/ui/ActionButton';
import s from './classes.module.css';
import ui from '@/components/ui/ui.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Props = {
  pupils: { id: string; name: string; birth: string; level: string | null }[];
  /** The classes offered in « Choisissez une classe » (a PP: their own). */
  classes: { id: string; name: string; level: string }[];
  moveAction?: (input: MovePupilsInput) => Promise<ActionResult<{ moved: number }>>;
  detachAction?: (input: { pupilId: string }) => Promise<ActionResult<unknown>>;
};

export function UnassignedPupils({ pupils, classes, moveAction, detachAction }: Props) {
  const router = useRouter();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const chosen = Object.entries(choice).filter(([, c]) => c);

  if (pupils.length === 0) return <p>Tous les élèves inscrits ont une classe.</p>;
  const canMove = !!moveAction && classes.length > 0;
  const save = () =>
    start(async () => {
      if (!moveAction) return;
      const res = await moveAction({ moves: chosen.map(([pupilId, classRoomId]) => ({ pupilId, classRoomId })) });
      if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
      setMessage({ tone: 'success', text: `${res.data.moved} élève(s) placé(s) dans leur classe.` });
      setChoice({});
      router.refresh();
    });
  return (
    <div className="stack">
      <FormMessage message={message} />
      <DataTable columns={['Élève', 'Date de naissance', 'Niveau indiqué', canMove && 'Classe', !!detachAction && 'Pas de chez nous ?']} className={s.table}>
        {pupils.map((p) => (
          <tr key={p.id} data-pupil={p.name}>
            <td>{p.name}</td>
            <td>{p.birth}</td>
            <td>{p.level ?? '—'}</td>
            {canMove ? (
              <td>
                <label className="visually-hidden" htmlFor={`choix-${p.id}`}>
                  Classe de {p.name}
                </label>
                <select id={`choix-${p.id}`} className={ui.input} value={choice[p.id] ?? ''} onChange={(e) => setChoice((c) => ({ ...c, [p.id]: e.target.value }))}>
                  <option value="">Choisissez une classe</option>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.level})
                    </option>
                  ))}
                </select>
              </td>
            ) : null}
            {detachAction ? (
              <td>
                <ActionButton
                  action={detachAction}
                  input={{ pupilId: p.id }}
                  label="Cet élève ne fait pas partie de mon établissement"
                  confirm={`${p.name} ne sera plus rattaché(e) à votre collège ; son compte est conservé et il (elle) pourra rejoindre son établissement avec le code de sa classe.`}
                  confirmLabel="Retirer l’élève"
                />
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {canMove ? (
        <Button type="button" pending={pending} disabled={chosen.length === 0} onClick={save}>
          Enregistrer les modifications
        </Button>
      ) : null}
    </div>
  );
}
