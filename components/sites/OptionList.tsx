// One Options list page body (formations, enseignants, contacts): what it is for, the rows — an edit
// form and « Supprimer » for the platform's administrators, a line of text for everyone else — and
// the « Ajouter » form.
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/ui/ActionButton';
import type { ActionResult } from '@/lib/core/action-types';
import { OptionsFrame, ReadOnlyNotice, type OptionsFrameProps } from './OptionsNav';
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
  /** The page's frame and whether the person administers the platform (requireOptionsStaff). */
  page: { frame: OptionsFrameProps; admin: boolean };
  title: string;
  intro: ReactNode;
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
  const { admin } = props.page;
  return (
    <OptionsFrame {...props.page.frame}>
      <h2>{props.title}</h2>
      <p>{props.intro}</p>
      {!admin ? <ReadOnlyNotice /> : null}
      {props.rows.length === 0 && props.empty ? <p className="muted">{props.empty}</p> : null}
      <ul className={s.rows}>
        {props.rows.map((r) => (
          <li key={r.id} className={r.archived ? s.archived : undefined}>
            {admin ? (
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
      {admin ? (
        <section aria-labelledby={addId} className="card">
          <h3 id={addId}>{props.addTitle}</h3>
          {props.addForm}
        </section>
      ) : null}
    </OptionsFrame>
  );
}
