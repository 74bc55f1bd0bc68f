// « Rechercher un stage » across every platform: a GET form and the results, each linking to its platform.
import { searchStages, type SearchResult } from '@/lib/stages/search';
import { requestOrigin } from '@/lib/core/session';
import { siteOrigin } from '@/lib/core/origin';
import { env } from '@/lib/core/env';
import { formatDay, formatHours } from '@/lib/core/format';
import ui from '@/components/ui/ui.module.css';
import { DataTable } from '@/components/ui/DataTable';
import { StageStatus } from './StageStatus';
import s from './stages.module.css';

type SearchValues = { q: string; lieu: string; du: string; au: string; disponibles: boolean };

function StageSearchForm({ values, action }: { values: SearchValues; action: string }) {
  const field = (name: keyof SearchValues, label: string, extra: Record<string, string> = {}) => (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={`recherche-${name}`}>
        {label}
      </label>
      <input id={`recherche-${name}`} name={name} className={ui.input} defaultValue={String(values[name] || '')} {...extra} />
    </div>
  );
  return (
    <form method="get" action={action} role="search" aria-label="Rechercher un stage" className="card">
      <div className={s.searchForm}>
        {field('q', 'Formation', { placeholder: 'électricité, cuisine, commerce…', type: 'search' })}
        {field('lieu', 'Commune ou département', { placeholder: 'Rennes, 35…' })}
        {field('du', 'À partir du', { type: 'date' })}
        {field('au', 'Jusqu’au', { type: 'date' })}
      </div>
      <div className={s.actions}>
        <label className={s.radio}>
          <input type="checkbox" name="disponibles" value="1" defaultChecked={values.disponibles} /> Seulement les stages avec des places
        </label>
        <button type="submit" className={ui.button}>
          Rechercher
        </button>
      </div>
    </form>
  );
}

function StageSearchResults({ result, origin }: { result: SearchResult; origin: string }) {
  if (result.total === 0) return <p>Aucun stage à venir ne correspond à cette recherche. Essayez d’autres mots, ou élargissez les dates ou le lieu.</p>;
  return (
    <section aria-labelledby="resultats-recherche" className="stack">
      <h2 id="resultats-recherche">
        {result.total} stage{result.total > 1 ? 's' : ''} trouvé{result.total > 1 ? 's' : ''}
        {result.truncated ? ` (les ${result.hits.length} premiers, places disponibles d’abord)` : ''}
      </h2>
      <DataTable columns={['Date', 'Horaires', 'Formation', 'Lycée', { label: 'Inscrits / capacité', className: s.num }]} className={s.table}>
        {result.hits.map((h) => {
          const base = siteOrigin(h.site, origin, env.rootDomain);
          return (
            <tr key={h.id}>
              <td className={s.nowrap}>
                <a href={`${base}/stages/${h.id}`}>{formatDay(h.date)}</a>
              </td>
              <td className={s.nowrap}>{formatHours(h.startMinutes, h.endMinutes)}</td>
              <td>
                {h.formation.type} {h.formation.name}
              </td>
              <td>
                <a href={base}>{h.site.name}</a>
                {h.site.city ? (
                  <>
                    <br />
                    <span className="muted">{h.site.city}</span>
                  </>
                ) : null}
              </td>
              <td className={s.num}>
                {h.enrolledCount} / {h.capacity} <StageStatus r={h} />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

function searchValues(sp: Record<string, string | string[] | undefined>): SearchValues {
  const one = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 100) ?? '';
  };
  return { q: one('q'), lieu: one('lieu'), du: one('du'), au: one('au'), disponibles: one('disponibles') === '1' };
}

/** The form and its results for the URL's parameters: the portal's and every platform's « Rechercher ». */
export async function StageSearch({ params }: { params: Record<string, string | string[] | undefined> }) {
  const values = searchValues(params);
  const [result, origin] = await Promise.all([
    searchStages({ q: values.q, lieu: values.lieu, du: values.du, au: values.au, disponibles: values.disponibles ? '1' : undefined }),
    requestOrigin(),
  ]);
  return (
    <>
      <StageSearchForm values={values} action="/recherche" />
      <StageSearchResults result={result} origin={origin} />
    </>
  );
}
