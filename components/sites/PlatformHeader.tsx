// The platform's header: its logo and « MINI-STAGE.FR – <name> », the person's role here, the account links.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { headerStyles as h } from '@/components/ui/SiteHeader';
import s from './sites.module.css';

export function PlatformHeader({ name, logoUrl, role, children }: { name: string; logoUrl: string | null; role: string | null; children?: ReactNode }) {
  return (
    <header className={h.header}>
      <div className={h.inner}>
        <Link href="/" className={s.brandRow}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a logo URL chosen by the lycée, any host */}
          {logoUrl ? <img src={logoUrl} alt="" className={s.logo} /> : null}
          <span className={s.brandName}>
            MINI-STAGE.FR – {name}
            <small>Plateforme des mini-stages du lycée</small>
          </span>
        </Link>
        <nav className={h.nav} aria-label="Compte">
          {role ? <span className={s.role}>{role}</span> : null}
          {children}
        </nav>
      </div>
    </header>
  );
}
