import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getActor } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  const { site } = await getActor();
  return { title: site ? `Tableau de bord — ${site.name}` : 'Plateforme introuvable' };
}

export default async function SiteHome() {
  const { site } = await getActor();
  if (!site) notFound();
  return (
    <div className="stack">
      <h1>{site.name}</h1>
      <p>Bienvenue sur la plateforme des mini-stages du {site.name}.</p>
    </div>
  );
}
