'use client';
// A class's pupils: pick another class per pupil then « Enregistrer les modifications », or select
// several and move the whole selection at once. Without `action` (someone who reads only, e.g. the
// Psy-EN), the list alone: no selection, no class picker, no button.
import { useMemo, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import { SelectField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/Alert';
import { DataTable } from '@/components/ui/DataTable';
import type { ActionResult } from '@/lib/core/action-types';
import type { MovePupilsInput } from '@/lib/classes/schema';
import s from './classes.module.css';
import ui from '@/components/ui/ui.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type PupilRow = { id: string; name: string; birth: string; login: string | null };
type Props = {
  pupils: PupilRow[];
  classes: { id: string; name: string }[];
  currentClassId: string;
  /** The move action; absent: read only. */
  action?: (input: MovePupilsInput) => Promise<ActionResult<{ moved: number }>>;
};

export function PupilMoveTable({ pupils, classes, currentClassId, action }: Props) {
  const router = useRouter();
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTarget, setBulkTarget] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const changed = useMemo(() => Object.entries(targets).filter(([, c]) => c !== currentClassId), [targets, currentClassId]);
  const others = classes.filter((c) => c.id !== currentClassId);
  const nameOf = (id: string) => classes.find((c) => c.id === id)?.name ?? '';

  const save = (moves: MovePupilsInput['moves'], done: string) =>
    start(async () => {
      if (!action) return;
      setMessage(null);
      const res = await action({ moves });
      if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
      setMessage({ tone: 'success', text: done.replace('{n}', String(res.data.moved)) });
      setTargets({});
      setSelected(new Set());
      router.refresh();
    });

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = pupils.length > 0 && selected.size === pupils.length;

  const selectAll = (
    <input type="checkbox" aria-label="Sélectionner tous les élèves" checked={all} onChange={() => setSelected(all ? new Set() : new Set(pupils.map((p) => p.id)))} />
  );

  if (pupils.length === 0) return <p>Aucun élève dans cette classe pour l’instant. Donnez aux élèves le code de la classe pour qu’ils s’inscrivent.</p>;
  if (!action) {
    return (
      <DataTable columns={['Élève', 'Date de naissance']}>
        {pupils.map((p) => (
          <tr key={p.id} data-pupil={p.name}>
            <td>
              <Link href={`/etablissement/eleves/${p.id}`}>{p.name}</Link>
            </td>
            <td>{p.birth}</td>
          </tr>
        ))}
      </DataTable>
    );
  }
  return (
    <div className="stack">
      <FormMessage message={message} />
      <DataTable columns={[{ label: selectAll, className: s.checkCell }, 'Élève', 'Date de naissance', 'Identifiant', 'Classe']} className={s.table}>
        {pupils.map((p) => {
          const target = targets[p.id] ?? currentClassId;
          return (
            <tr key={p.id} className={target !== currentClassId ? s.changed : undefined} data-pupil={p.name}>
              <td>
                <input type="checkbox" aria-label={`Sélectionner ${p.name}`} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
              </td>
              <td>
                <Link href={`/etablissement/eleves/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.birth}</td>
              <td>{p.login ?? <span className="muted">—</span>}</td>
              <td>
                <label className="visually-hidden" htmlFor={`classe-${p.id}`}>
                  Classe de {p.name}
                </label>
                <select id={`classe-${p.id}`} className={ui.input} value={target} onChange={(e) => setTargets((t) => ({ ...t, [p.id]: e.target.value }))}>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <div className={s.actions}>
        <Button
          type="button"
          pending={pending}
          disabled={changed.length === 0}
          onClick={() =>
            save(
              changed.map(([pupilId, classRoomId]) => ({ pupilId, classRoomId })),
              '{n} élève(s) changé(s) de classe.',
            )
          }
        >
          Enregistrer les modifications
        </Button>
        {changed.length ? <span className="muted">{changed.length} modification(s) non enregistrée(s)</span> : null}
      </div>
      {others.length ? (
        <div className={s.bulk} role="group" aria-label="Déplacer la sélection">
          <SelectField label={`Déplacer les ${selected.size} élève(s) sélectionné(s) vers`} value={bulkTarget} onChange={(e) => setBulkTarget(e.target.value)}>
            <option value="">Choisissez une classe…</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <Button
            type="button"
            variant="secondary"
            pending={pending}
            disabled={!bulkTarget || selected.size === 0}
            onClick={() =>
              save(
                [...selected].map((pupilId) => ({ pupilId, classRoomId: bulkTarget })),
                `{n} élève(s) déplacé(s) vers ${nameOf(bulkTarget)}.`,
              )
            }
          >
            Déplacer la sélection
          </Button>
        </div>
      ) : null}
    </div>
  );
}
