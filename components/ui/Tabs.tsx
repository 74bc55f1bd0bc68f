import Link from 'next/link';
import s from './ui.module.css';

export type TabItem = { href: string; label: string; current?: boolean; badge?: number };

/** Navigation tabs (links): the current one carries aria-current="page". */
export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className={s.tabs}>
        {items.map((t) => (
          <li key={t.href}>
            <Link className={s.tab} href={t.href} aria-current={t.current ? 'page' : undefined}>
              {t.label}
              {t.badge ? (
                <span className={s.badge} aria-label={`${t.badge} en attente`}>{t.badge}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
