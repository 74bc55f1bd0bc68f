// Left-hand filters of the calendar and the list: a plain GET form (shareable links, no JavaScript needed).
import Link from 'next/link';
import { FILL_OPTIONS, activeFilterCount, type StageFilters as Filters } from '@/lib/stages/filters';
import type { SiteStageContext } from '@/lib/stages/queries';
import ui from '@/components/ui/ui.module.css';
import s from './stages.module.css';

type Props = {
  filters: Filters;
  context: Pick<SiteStageContext, 'formations' | 'teachers' | 'stageTypes' | 'scheduleDetails'>;
  /** Path the form submits to ('/calendrier' or '/liste'). */
  action: string;
  /** Values kept across a filtering (the month, the sort…). */
  keep?: Record<string, string | undefined>;
};

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  const id = `filtre-${name}`;
  return (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={ui.input}>
        <option value="">Tous</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StageFilters({ filters, context, action, keep = {} }: Props) {
  const active = activeFilterCount(filters);
  const reset = new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <form method="get" action={action} className={s.filters} aria-labelledby="filtres-titre" role="search">
      <h2 id="filtres-titre">Filtres{active ? ` (${active} actif${active > 1 ? 's' : ''})` : ''}</h2>
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <Select name="type" label="Type de stage" value={filters.type} options={context.stageTypes.map((t) => ({ value: t, label: t }))} />
      <Select name="horaires" label="Détail des horaires" value={filters.horaires} options={context.scheduleDetails.map((d) => ({ value: d, label: d }))} />
      <Select
        name="filiere"
        label="Filière"
        value={filters.filiere}
        options={context.formations.map((f) => ({ value: f.id, label: `${f.type} ${f.name}${f.active ? '' : ' (archivée)'}` }))}
      />
      <Select
        name="enseignant"
        label="Enseignant"
        value={filters.enseignant}
        options={context.teachers.map((t) => ({ value: t.id, label: `${t.lastName} ${t.firstName}` }))}
      />
      <fieldset>
        <legend>Remplissage</legend>
        {Object.entries(FILL_OPTIONS).map(([value, label]) => (
          <label key={value} className={s.radio}>
            <input type="radio" name="remplissage" value={value} defaultChecked={filters.remplissage === value} /> {label}
          </label>
        ))}
      </fieldset>
      <div className={s.filterActions}>
        <button type="submit" className={ui.button}>
          Filtrer
        </button>
        {active ? <Link href={`${action}${reset ? `?${reset}` : ''}`}>Réinitialiser</Link> : null}
      </div>
    </form>
  );
}
