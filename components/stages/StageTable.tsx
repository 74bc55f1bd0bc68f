// « Liste des stages »: a table sortable by its column headers (links that keep the filters).
import Link from 'next/link';
import { filtersQuery, type SortKey, type StageFilters } from '@/lib/stages/filters';
import { teacherName, type StageRow } from '@/lib/stages/queries';
import { formatHours, formatShortDate } from '@/lib/core/format';
import s from './stages.module.css';

const COLUMNS: { key: SortKey | null; label: string; className?: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'horaires', label: 'Horaires' },
  { key: 'formation', label: 'Formation' },
  { key: null, label: 'Type de stage' },
  { key: 'enseignant', label: 'Enseignant' },
  { key: 'inscrits', label: 'Inscrits / capacité', className: s.num },
];

export function StageStatus({ r }: { r: Pick<StageRow, 'status' | 'enrolledCount' | 'capacity'> }) {
  if (r.status === 'CANCELLED') return <span className={`${s.status} ${s.statusCancelled}`}>Annulé</span>;
  if (r.enrolledCount >= r.capacity) return <span className={`${s.status} ${s.statusFull}`}>Complet</span>;
  const left = r.capacity - r.enrolledCount;
  return (
    <span className={`${s.status} ${s.statusFree}`}>
      {left} place{left > 1 ? 's' : ''}
    </span>
  );
}

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
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={s.nowrap}>
              <Link href={`/stages/${r.id}`} prefetch={false}>
                {formatShortDate(r.date)}
              </Link>
            </td>
            <td className={s.nowrap}>{formatHours(r.startMinutes, r.endMinutes)}</td>
            <td>
              {r.formation.type} {r.formation.name}
            </td>
            <td>{r.stageType}</td>
            <td>{teacherName(r.teacher)}</td>
            <td className={s.num}>
              {r.enrolledCount} / {r.capacity}
            </td>
            <td>
              <StageStatus r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
