import type { Metadata } from 'next';
import { StageSearch } from '@/components/stages/StageSearch';
import { requireSite } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Rechercher un stage' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSite();
  const params = await searchParams;
  return (
    <div className="stack">
      <h1>Rechercher un stage</h1>
      <p>
        La recherche porte sur les mini-stages de <strong>tous les lycées</strong> de ministage, pas seulement celui-ci. Les stages avec des places disponibles viennent
        en premier.
      </p>
      <StageSearch params={params} />
    </div>
  );
}
