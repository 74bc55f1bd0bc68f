import Link from 'next/link';
import type { CurrentUser } from '@/lib/core/actor';
import { getActor, portalOrigin } from '@/lib/core/session';
import { SignOutButton } from './SignOutButton';
import { EstablishmentSwitch } from './EstablishmentSwitch';
import { headerStyles as s } from '@/components/ui/SiteHeader';

/**
 * Header links: the signed-in person's spaces (« Mon établissement », « Ma classe », « Opérateur »),
 * « Mon compte » and « Se déconnecter », or « Connexion ». On a lycée platform the collège pages
 * live on the portal: those links point there.
 */
export async function AccountNav({ user }: { user: CurrentUser | null }) {
  if (!user) return <Link href="/connexion">Connexion</Link>;
  const actor = await getActor();
  const onPortal = !actor.tenant || actor.tenant.kind === 'root';
  const portal = onPortal ? '' : await portalOrigin();
  const links: { href: string; label: string }[] = [];
  if (actor.member) links.push({ href: `${portal}/etablissement`, label: 'Mon établissement' });
  if (actor.member?.role === 'MAIN_TEACHER' || actor.pupil) links.push({ href: `${portal}/ma-classe`, label: 'Ma classe' });
  if (actor.pupil) links.push({ href: `${portal}/mes-stages`, label: 'Mes stages' });
  if (user.isOperator) links.push({ href: `${portal}/operateur`, label: 'Opérateur' });
  return (
    <>
      {links.map((l) =>
        onPortal ? (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ) : (
          <a key={l.href} href={l.href}>
            {l.label}
          </a>
        ),
      )}
      {actor.member && actor.memberships.length > 1 ? <EstablishmentSwitch choices={actor.memberships} current={actor.member.establishmentId} /> : null}
      <span className={s.user}>{user.name}</span>
      <Link href="/mon-compte">Mon compte</Link>
      <SignOutButton />
    </>
  );
}
