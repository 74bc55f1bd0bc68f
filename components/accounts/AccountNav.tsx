import Link from 'next/link';
import type { CurrentUser } from '@/lib/core/actor';
import { SignOutButton } from './SignOutButton';
import { headerStyles as s } from '@/components/ui/SiteHeader';

/** Header links: the signed-in person and « Se déconnecter », or « Connexion ». */
export function AccountNav({ user }: { user: CurrentUser | null }) {
  if (!user) return <Link href="/connexion">Connexion</Link>;
  return (
    <>
      <span className={s.user}>{user.name}</span>
      <Link href="/mon-compte">Mon compte</Link>
      <SignOutButton />
    </>
  );
}
