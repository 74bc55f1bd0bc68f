// Shared by the « Options » pages: who is here and what they may see.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getActor } from '@/lib/core/session';
import { siteAbilities } from '@/lib/sites/guard';
import { OptionsNav, type OptionsKey } from '@/components/sites/OptionsNav';

export async function optionsAccess() {
  const actor = await getActor();
  if (!actor.site) notFound();
  return { actor, site: actor.site, ...siteAbilities(actor) };
}

export function OptionsFrame({ current, staff, college, children }: { current: OptionsKey; staff: boolean; college: boolean; children: React.ReactNode }) {
  return (
    <div className="stack">
      <h1>Options</h1>
      <OptionsNav current={current} staff={staff} college={college} />
      {children}
    </div>
  );
}

export function SignInFirst({ path }: { path: string }) {
  return (
    <div className="stack">
      <h1>Options</h1>
      <p>Les options sont réservées à l’équipe du lycée et aux équipes des collèges. <Link href={`/connexion?callbackUrl=${encodeURIComponent(path)}`}>Connectez-vous</Link> pour y accéder.</p>
    </div>
  );
}
