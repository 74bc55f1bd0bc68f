import type { Metadata } from 'next';
import Link from 'next/link';
import { StageFilters } from '@/components/stages/StageFilters';
import { StageTable } from '@/components/stages/StageTable';
import { requireSite } from '@/lib/core/guards';
import { freshReads } from '@/lib/core/session';
import { filtersQuery, parseFilters, type SearchParams } from '@/lib/stages/filters';
import { LIST_LIMIT, stageReads } from '@/lib/stages/queries';
import s from '@/components/stages/stages.module.css';

export const metadata: Metadata = { title: 'Liste des stages' };

export default async function StageListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { site } = await requireSite();
  const filters = parseFilters(await searchParams);
  const { stageContext, listStages } = stageReads(await freshReads());
  const [ctx, rows] = await Promise.all([stageContext(site.id), listStages(site.id, filters)]);
  return (
    <div className={`stack ${s.wide}`}>
      <h1>Liste des stages</h1>
      <div className={s.layout}>
        <StageFilters
          filters={filters}
          context={ctx}
          action="/liste"
          keep={{
            passes: filters.passes ? '1' : undefined,
            tri: filters.tri === 'date' ? undefined : filters.tri,
            ordre: filters.ordre === 'asc' ? undefined : filters.ordre,
          }}
        />
        <section aria-labelledby="resultats">
          <div className={s.toolbar}>
            <h2 id="resultats">
              {rows.length} stage{rows.length > 1 ? 's' : ''}
              {filters.passes ? '' : ' à venir'}
            </h2>
            <Link href={`/liste${filtersQuery(filters, { passes: !filters.passes })}`}>
              {filters.passes ? 'Masquer les stages passés' : 'Afficher aussi les stages passés'}
            </Link>
          </div>
          {rows.length >= LIST_LIMIT ? <p className="muted">Seuls les {LIST_LIMIT} premiers stages sont affichés : précisez les filtres pour voir les autres.</p> : null}
          {rows.length ? (
            <div style={{ overflowX: 'auto' }}>
              <StageTable rows={rows} filters={filters} path="/liste" />
            </div>
          ) : (
            <p className="muted">Aucun stage ne correspond{filters.passes ? '' : ' parmi les stages à venir'}. Modifiez les filtres, ou affichez les stages passés.</p>
          )}
        </section>
      </div>
    </div>
  );
}
