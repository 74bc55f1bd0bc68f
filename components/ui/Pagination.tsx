// « Page 2 sur 5 » with the previous and next pages' links (lib/core/paging.ts): nothing for one page.
import Link from 'next/link';
import s from './ui.module.css';

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className={s.pagination}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ‹ Page précédente
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          Page suivante ›
        </Link>
      ) : null}
    </nav>
  );
}
