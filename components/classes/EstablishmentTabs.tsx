// « Mon établissement » navigation: the collège's tabs, with the count of pupils without a class
// next to « Classes » (for those who may give them a class) and of people waiting for approval next
// to « Équipe ». « Élèves » only for those who reach some pupils (not a teacher).
import Link from 'next/link';
import type { CurrentMember } from '@/lib/core/actor';
import { can } from '@/lib/core/permissions';
import type { Actor } from '@/lib/core/session';
import { pupilAccess } from '@/lib/classes/access';
import { countPupilsWithoutClass } from '@/lib/classes/queries';
import { pendingCount } from '@/lib/team/queries';
import ui from '@/components/ui/ui.module.css';

export type TabKey = 'home' | 'team' | 'classes' | 'pupils' | 'stages' | 'my-class' | 'requests';

export async function EstablishmentTabs({ actor, member, current }: { actor: Actor; member: CurrentMember; current: TabKey }) {
  const heads = can(actor, 'team:approve');
  const pupils = pupilAccess(actor);
  const [withoutClass, pending] = await Promise.all([
    pupils.manage ? countPupilsWithoutClass(member.establishmentId) : 0,
    heads ? pendingCount(member.establishmentId) : 0,
  ]);
  const items: { key: TabKey; href: string; label: string; badge?: number; badgeLabel?: string }[] = [
    { key: 'home', href: '/etablissement', label: 'Mon établissement' },
    ...(member.role === 'MAIN_TEACHER' ? [{ key: 'my-class' as const, href: '/ma-classe', label: 'Ma classe' }] : []),
    {
      key: 'classes',
      href: '/etablissement/classes',
      label: 'Classes',
      badge: withoutClass,
      badgeLabel: `${withoutClass} élève${withoutClass > 1 ? 's' : ''} sans classe`,
    },
    ...(pupils.view ? [{ key: 'pupils' as const, href: '/etablissement/eleves', label: 'Élèves' }] : []),
    ...(pupils.view || pupils.manage ? [{ key: 'stages' as const, href: '/etablissement/stages', label: 'Stages des élèves' }] : []),
    { key: 'team', href: '/etablissement/equipe', label: 'Équipe', badge: pending, badgeLabel: `${pending} inscription${pending > 1 ? 's' : ''} à approuver` },
    ...(can(actor, 'access-requests:answer') ? [{ key: 'requests' as const, href: '/etablissement/demandes', label: 'Demandes' }] : []),
  ];
  return (
    <nav aria-label="Mon établissement">
      <p className="muted" style={{ margin: 0 }}>
        {member.establishmentName} · UAI {member.establishmentUai}
      </p>
      <ul className={ui.tabs}>
        {items.map((t) => (
          <li key={t.key}>
            <Link className={ui.tab} href={t.href} aria-current={t.key === current ? 'page' : undefined}>
              {t.label}
              {t.badge ? (
                <span className={ui.badge} aria-label={t.badgeLabel} title={t.badgeLabel} data-testid={`badge-${t.key}`}>
                  {t.badge}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
