// « Liste des stages »: a table sortable by its column headers (links that keep the filters).
import Link from 'next/link';
import { filtersQuery, type SortKey, type StageFilters } from '@/lib/stages/filters';
import { teacherName, type StageRow } from '@/lib/stages/queries';
import { formatHours, formatShortDate } from '@/lib/core/format';
import { StageRows } from './StageRows';
import s from './stages.module.css';

const COLUMNS: { key: SortKey | null; label: string; className?: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'horaires', label: 'Horaires' },
  { key: 'formation', label: 'Formation' },
  { key: null, label: 'Type de stage' },
  { key: 'enseignant', label: 'Enseignant' },
  { key: 'inscrits', label: 'Inscrits / capacité', className: s.num },
];

export function StageTable({ rows, filters, path }: { rows: StageRow[]; filters: StageFilters; path: string }) {
  return (
    <table className={s.table}>
      <caption className="visually-hidden">Stages de la plateforme, triés par {COLUMNS.find((c) => c.key === filters.tri)?.label.toLowerCase()}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            if (!c.key)
              return (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              );
            const sorted = filters.tri === c.key;
            const next = sorted && filters.ordre === 'asc' ? 'desc' : 'asc';
            return (
              <th key={c.label} scope="col" className={c.className} aria-sort={sorted ? (filters.ordre === 'asc' ? 'ascending' : 'descending') : undefined}>
                <Link href={`${path}${filtersQuery(filters, { tri: c.key, ordre: next })}`} prefetch={false}>
                  {c.label} <span aria-hidden="true">{sorted ? (filters.ordre === 'asc' ? '▲' : '▼') : '↕'}</span>
                  <span className="visually-hidden">, trier {next === 'asc' ? 'par ordre croissant' : 'par ordre décroissant'}</span>
                </Link>
              </th>
            );
          })}
          <th scope="col">État</th>
        </tr>
      </thead>
      <StageRows
        rows={rows.map((r) => ({
          id: r.id,
          date: formatShortDate(r.date),
          hours: formatHours(r.startMinutes, r.endMinutes),
          formation: `${r.formation.type} ${r.formation.name}`,
          type: r.stageType,
          teacher: teacherName(r.teacher),
          status: r.status,
          enrolledCount: r.enrolledCount,
          capacity: r.capacity,
        }))}
      />
    </table>
  );
}
