'use client';
// The platform's tabs; the current one (from the browser's path) carries aria-current="page".
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import s from './sites.module.css';

const SITE_TABS = [
  { href: '/', label: 'Tableau de bord' },
  { href: '/calendrier', label: 'Calendrier' },
  { href: '/liste', label: 'Liste des stages' },
  { href: '/stagiaires', label: 'Stagiaires' },
  { href: '/options', label: 'Options' },
  { href: '/contacts', label: 'Contacts' },
  { href: '/recherche', label: 'Rechercher un stage' },
] as const;

/** The tab a path belongs to: a stage's pages belong to the calendar. */
function currentTab(path: string): string {
  if (path === '/' || path === '') return '/';
  if (path.startsWith('/stages')) return '/calendrier';
  return SITE_TABS.find((t) => t.href !== '/' && (path === t.href || path.startsWith(`${t.href}/`)))?.href ?? '';
}

/** `admin`: the platform's administrators also have « Journal » (audit:view-site). */
export function SiteTabs({ admin = false }: { admin?: boolean }) {
  const path = usePathname() ?? '/';
  const current = path === '/journal' ? '/journal' : currentTab(path);
  const tabs = admin ? [...SITE_TABS, { href: '/journal', label: 'Journal' }] : SITE_TABS;
  return (
    <nav aria-label="Plateforme" className={s.tabsBar}>
      <ul className={s.tabs}>
        {tabs.map((t) => (
          <li key={t.href}>
            <Link className={s.tab} href={t.href} aria-current={t.href === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
