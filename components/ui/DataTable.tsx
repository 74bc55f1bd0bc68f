// The one table markup: a frame that scrolls sideways on a narrow screen, the column headings
// (scope="col"), then the rows the caller renders.
import type { ReactNode } from 'react';
import s from './ui.module.css';

/** A column heading: its text, or its content with a class (a number column, a check box). */
type Column = string | { label: ReactNode; className?: string };

type Props = {
  /** The headings in order; `false` / `null` skips a column shown to some people only. */
  columns: readonly (Column | false | null)[];
  /** The area's table class (cell spacing, widths). */
  className?: string;
  /** Read by screen readers only. */
  caption?: string;
  children: ReactNode;
};

export function DataTable({ columns, className, caption, children }: Props) {
  return (
    <div className={s.tableWrap}>
      <table className={className}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => {
              if (!c) return null;
              const { label, className: cell } = typeof c === 'string' ? { label: c, className: undefined } : c;
              return (
                <th key={i} scope="col" className={cell}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
