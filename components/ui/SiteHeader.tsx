import Link from 'next/link';
import type { ReactNode } from 'react';
import s from './header.module.css';

/** The page header: the platform's name (a link home) and the account links. */
export function SiteHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className={s.header}>
      <div className={s.inner}>
        <Link href="/" className={s.brand}>
          {title}
          {subtitle ? <small>{subtitle}</small> : null}
        </Link>
        <nav className={s.nav} aria-label="Compte">
          {children}
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className={s.footer}>
      <div className={s.inner}>
        ministage — les mini-stages des lycées pour les élèves de collège. Données d’établissements : Annuaire de l’éducation (Licence Ouverte 2.0).
      </div>
    </footer>
  );
}

export const headerStyles = s;
