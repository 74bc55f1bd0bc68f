// Sub-navigation of the « Options » tab: what the person may see here.
import Link from 'next/link';
import s from './sites.module.css';

type OptionsKey = 'general' | 'contacts' | 'formations' | 'enseignants' | 'equipe' | 'etablissement' | 'inscriptions';

export type OptionsFrameProps = { current: OptionsKey; staff: boolean; college: boolean };

/** Every « Options » page: the title and the sub-navigation, then the page's own content. */
export function OptionsFrame({ current, staff, college, children }: OptionsFrameProps & { children: React.ReactNode }) {
  return (
    <div className="stack">
      <h1>Options</h1>
      <OptionsNav current={current} staff={staff} college={college} />
      {children}
    </div>
  );
}

function OptionsNav({ current, staff, college }: { current: OptionsKey; staff: boolean; college: boolean }) {
  const items: { key: OptionsKey; href: string; label: string }[] = [
    { key: 'general', href: '/options', label: 'Options générales' },
    ...(staff
      ? ([
          { key: 'contacts', href: '/options/contacts', label: 'Contacts' },
          { key: 'formations', href: '/options/formations', label: 'Formations' },
          { key: 'enseignants', href: '/options/enseignants', label: 'Enseignants' },
          { key: 'equipe', href: '/options/equipe', label: 'Équipe de la plateforme' },
          { key: 'inscriptions', href: '/options/inscriptions', label: 'Inscriptions' },
        ] as const)
      : []),
    ...(college || staff ? ([{ key: 'etablissement', href: '/options/etablissement', label: 'Informations de l’Établissement' }] as const) : []),
  ];
  return (
    <nav aria-label="Options">
      <ul className={s.subnav}>
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} aria-current={i.key === current ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const ReadOnlyNotice = () => <p className="muted">Seuls les administrateurs de la plateforme (chef d’établissement, DDFPT) modifient ces réglages.</p>;
