// One journal (a collège's, a platform's, the operator's): the filters (a plain GET form: the page's
// URL says what is shown, and the CSV link carries the same filters), the lines, newest first, and
// the pages. Server component: the caller reads the page with lib/audit/queries.ts under its guard.
import Link from 'next/link';
import { formatDateTime } from '@/lib/core/format';
import { AUDIT_KINDS, type AuditKind } from '@/lib/audit/labels';
import { auditQuery, type AuditFilters } from '@/lib/audit/filters';
import type { AuditPage } from '@/lib/audit/queries';
import { Button, ButtonLink } from '@/components/ui/Button';
import { Field, SelectField } from '@/components/ui/Field';
import { DataTable } from '@/components/ui/DataTable';
import s from './audit.module.css';

type Props = {
  page: AuditPage;
  filters: AuditFilters;
  /** The page's path (the filters and the pages link to it). */
  path: string;
  /** The CSV route handler's path (same filters). */
  csvPath: string;
  /** The name of the account a « compte » filter names (a click on a name), null when it names none here. */
  actorName: string | null;
  /** Show the « Lieu » column (the operator's journal: every collège and platform). */
  showPlace?: boolean;
};

const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

export function AuditLog({ page, filters, path, csvPath, actorName, showPlace = true }: Props) {
  const query = auditQuery(filters);
  const filtered = !!query;
  const { rows, total, pages } = page;
  return (
    <div className="stack">
      <form method="get" action={path} className={s.filters} aria-label="Filtrer le journal">
        <Field label="Du" name="du" type="date" defaultValue={filters.from ?? ''} />
        <Field label="Au" name="au" type="date" defaultValue={filters.to ?? ''} />
        <SelectField
          label="Type d’action"
          name="type"
          defaultValue={filters.kind ?? ''}
          options={[{ value: '', label: 'Toutes les actions' }, ...(Object.keys(AUDIT_KINDS) as AuditKind[]).map((k) => ({ value: k, label: AUDIT_KINDS[k] }))]}
        />
        <Field label="Personne" name="personne" hint="Nom, identifiant ou adresse email" defaultValue={filters.person} maxLength={100} />
        {filters.actorId ? <input type="hidden" name="compte" value={filters.actorId} /> : null}
        <div className={s.submit}>
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
          {filtered ? <Link href={path}>Effacer les filtres</Link> : null}
        </div>
      </form>
      {filters.actorId ? (
        <p>
          Actions de <strong>{actorName ?? 'ce compte'}</strong> seulement.{' '}
          <Link href={withQuery(path, auditQuery({ ...filters, actorId: null }))}>Voir toutes les personnes</Link>
        </p>
      ) : null}
      <div className={s.bar}>
        <p className="muted" role="status">
          {total === 0
            ? filtered
              ? 'Aucune action ne correspond à ces filtres.'
              : 'Aucune action enregistrée pour l’instant.'
            : `${total.toLocaleString('fr-FR')} action${total > 1 ? 's' : ''}${filtered ? ' pour ces filtres' : ''}, de la plus récente à la plus ancienne.`}
        </p>
        {total > 0 ? (
          <ButtonLink href={withQuery(csvPath, query)} variant="secondary" small download>
            Exporter en CSV
          </ButtonLink>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <DataTable className={s.table} caption="Journal des actions" columns={['Date', 'Personne', 'Action', showPlace ? 'Lieu' : null, 'Adresse IP']}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={s.nowrap}>{formatDateTime(r.at, { weekday: false })}</td>
              <td>
                {r.whoId ? <Link href={withQuery(path, auditQuery({ ...filters, actorId: r.whoId, page: 1 }))}>{r.who}</Link> : <span className="muted">{r.who}</span>}
              </td>
              <td>
                {r.label}
                {r.detail ? (
                  <>
                    <br />
                    <span className="muted">{r.detail}</span>
                  </>
                ) : null}
              </td>
              {showPlace ? <td>{r.where}</td> : null}
              <td className={s.ip}>{r.ip ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages du journal" className={s.pages}>
          {page.page > 1 ? <Link href={withQuery(path, auditQuery(filters, page.page - 1))}>← Plus récentes</Link> : <span />}
          <span>
            Page {page.page} sur {pages.toLocaleString('fr-FR')}
          </span>
          {page.page < pages ? <Link href={withQuery(path, auditQuery(filters, page.page + 1))}>Plus anciennes →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
