// A titled section holding a list (« Mes établissements », « Invitations en cours »…): its heading,
// then the items, or a sentence when there is none.
import type { ReactNode } from 'react';

type Props<T> = {
  id: string;
  title: ReactNode;
  items: readonly T[];
  /** The heading level: 2 on a page, 3 inside one of its sections. */
  level?: 2 | 3;
  /** Said when there is no item; without it an empty list shows no section at all. */
  empty?: string;
  listClassName?: string;
  /** One item's <li> (with its key). */
  children: (item: T) => ReactNode;
};

export function ListSection<T>({ id, title, items, level = 2, empty, listClassName, children }: Props<T>) {
  if (items.length === 0 && empty === undefined) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {items.length === 0 ? <p>{empty}</p> : <ul className={listClassName}>{items.map(children)}</ul>}
    </section>
  );
}
