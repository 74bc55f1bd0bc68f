import type { Metadata } from 'next';
import { StageSearch } from '@/components/stages/StageSearch';

export const metadata: Metadata = { title: 'Rechercher un mini-stage' };

export default async function PortalSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <div className="stack">
      <h1>Rechercher un mini-stage</h1>
      <p>Les mini-stages de tous les lycées, par formation, dates et lieu. Chaque résultat mène à la plateforme du lycée, où les collèges inscrivent leurs élèves.</p>
      <StageSearch params={params} />
    </div>
  );
}
