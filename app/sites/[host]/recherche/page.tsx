import type { Metadata } from 'next';
import { StageSearchForm, StageSearchResults, searchValues } from '@/components/stages/StageSearch';
import { requireSite } from '@/lib/core/guards';
import { requestOrigin } from '@/lib/core/session';
import { searchStages } from '@/lib/stages/search';

export const metadata: Metadata = { title: 'Rechercher un stage' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSite();
  const values = searchValues(await searchParams);
  const [result, origin] = await Promise.all([
    searchStages({ q: values.q, lieu: values.lieu, du: values.du, au: values.au, disponibles: values.disponibles ? '1' : undefined }),
    requestOrigin(),
  ]);
  return (
    <div className="stack">
      <h1>Rechercher un stage</h1>
      <p>La recherche porte sur les mini-stages de <strong>tous les lycées</strong> de ministage, pas seulement celui-ci. Les stages avec des places disponibles viennent en premier.</p>
      <StageSearchForm values={values} action="/recherche" />
      <StageSearchResults result={result} origin={origin} />
    </div>
  );
}
