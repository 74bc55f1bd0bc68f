import type { Metadata } from 'next';
import { StageSearchForm, StageSearchResults, searchValues } from '@/components/stages/StageSearch';
import { requestOrigin } from '@/lib/core/session';
import { searchStages } from '@/lib/stages/search';

export const metadata: Metadata = { title: 'Rechercher un mini-stage' };

export default async function PortalSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const values = searchValues(await searchParams);
  const [result, origin] = await Promise.all([
    searchStages({ q: values.q, lieu: values.lieu, du: values.du, au: values.au, disponibles: values.disponibles ? '1' : undefined }),
    requestOrigin(),
  ]);
  return (
    <div className="stack">
      <h1>Rechercher un mini-stage</h1>
      <p>Les mini-stages de tous les lycées, par formation, dates et lieu. Chaque résultat mène à la plateforme du lycée, où les collèges inscrivent leurs élèves.</p>
      <StageSearchForm values={values} action="/recherche" />
      <StageSearchResults result={result} origin={origin} />
    </div>
  );
}
