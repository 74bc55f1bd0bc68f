'use client';
// « Modifier » (rename / change filière inline) and « Supprimer » (only an empty class) for one class.
import { useState } from 'react';
import type { ActionResult } from '@/lib/core/action-types';
import { Button } from '@/components/ui/Button';
import type { ClassFormInput } from '@/lib/classes/schema';
import { ActionButton } from '@/components/ui/ActionButton';
import { ClassForm } from './ClassForm';
import s from './classes.module.css';

type Props = {
  classRoom: { id: string; name: string; level: string; pupils: number };
  updateAction: (input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
  deleteAction: (input: { classRoomId: string }) => Promise<ActionResult<unknown>>;
  redirectAfterDelete?: string;
};

export function ClassRowActions({ classRoom, updateAction, deleteAction, redirectAfterDelete }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ClassForm
        action={updateAction}
        classRoomId={classRoom.id}
        initial={{ name: classRoom.name, level: classRoom.level as ClassFormInput['level'] }}
        onDone={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  const warning =
    classRoom.pupils > 0
      ? ` Elle compte encore ${classRoom.pupils} élève${classRoom.pupils > 1 ? 's' : ''} : la suppression sera refusée tant qu’elle n’est pas vide.`
      : ' Elle est vide.';
  return (
    <div className={s.actions}>
      <Button type="button" variant="secondary" small onClick={() => setEditing(true)} aria-label={`Modifier la classe ${classRoom.name}`}>
        Modifier
      </Button>
      <ActionButton
        action={deleteAction}
        input={{ classRoomId: classRoom.id }}
        label={
          <>
            Supprimer<span className="visually-hidden"> la classe {classRoom.name}</span>
          </>
        }
        confirm={
          <>
            Supprimer définitivement la classe « {classRoom.name} » ?{warning}
          </>
        }
        confirmLabel="Supprimer la classe"
        variant="danger"
        redirectTo={redirectAfterDelete}
      />
    </div>
  );
}
