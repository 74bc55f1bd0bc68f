// One Options list page body (formations, enseignants, contacts): what it is for, the rows — an edit
// form and « Supprimer » for the platform's administrators, a line of text for everyone else — and
// the « Ajouter » form.
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/ui/ActionButton';
import type { ActionResult } from '@/lib/core/action-types';
import { ReadOnlyNotice } from './OptionsNav';
import s from './sites.module.css';

export type OptionRow = {
  id: string;
  archived?: boolean;
  /** The edit form (administrators). */
  edit: ReactNode;
  /** What the others read. */
  label: ReactNode;
  /** « Supprimer … ? (…) ». */
  confirm: string;
};

export function OptionList(props: {
  title: string;
  intro: ReactNode;
  admin: boolean;
  rows: OptionRow[];
  empty?: string;
  deleteAction: (input: unknown) => Promise<ActionResult<unknown>>;
  addTitle: string;
  addForm: ReactNode;
}) {
  const addId = props.addTitle
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
  return (
    <>
      <h2>{props.title}</h2>
      <p>{props.intro}</p>
      {!props.admin ? <ReadOnlyNotice /> : null}
      {props.rows.length === 0 && props.empty ? <p className="muted">{props.empty}</p> : null}
      <ul className={s.rows}>
        {props.rows.map((r) => (
          <li key={r.id} className={r.archived ? s.archived : undefined}>
            {props.admin ? (
              <>
                {r.edit}
                <ActionButton action={props.deleteAction} input={{ id: r.id }} label="Supprimer" confirm={r.confirm} />
              </>
            ) : (
              <span>{r.label}</span>
            )}
          </li>
        ))}
      </ul>
      {props.admin ? (
        <section aria-labelledby={addId} className="card">
          <h3 id={addId}>{props.addTitle}</h3>
          {props.addForm}
        </section>
      ) : null}
    </>
  );
}
