import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';
import { TraineeRows } from '@/components/enrolments/TraineeRows';
import { PAGE_SIZE, pagesOf, pagingOf } from '@/lib/core/paging';
import { Pagination } from '@/components/ui/Pagination';
import { ATTENDANCE_LABEL, countTrainees, ENROLMENT_STATUS, listTrainees, traineeFilterOptions, traineeScopeOf, type TraineeRow } from '@/lib/enrolments/queries';
import { traineeFilters, type TraineeSearch } from '@/lib/enrolments/filters';
import { Button, ButtonLink } from '@/components/ui/Button';
import { SelectField } from '@/components/ui/Field';
import { DataTable } from '@/components/ui/DataTable';
import s from '@/components/stages/stages.module.css';
import e from '@/components/enrolments/enrolments.module.css';

export const metadata: Metadata = { title: 'Stagiaires' };

function TraineeTable({ rows, caption }: { rows: TraineeRow[]; caption: string }) {
  return (
    <DataTable className={s.table} caption={caption} columns={['Élève', 'Classe', 'Collège', 'Stage', 'Horaires', 'Inscription', 'Convention', 'Présence']}>
      <TraineeRows
        rows={rows.map((r) => ({
          id: r.id,
          pupil: r.pupil,
          classRoom: r.classRoom ?? '—',
          establishment: r.establishment,
          stageId: r.stage.id,
          day: formatDay(r.stage.date),
          formation: r.stage.formation,
          hours: formatHours(r.stage.startMinutes, r.stage.endMinutes),
          state: r.stage.status === 'CANCELLED' ? 'Stage annulé' : ENROLMENT_STATUS[r.status],
          // No convention row yet reads as a draft (it is made when first opened).
          convention: r.status !== 'CONFIRMED' || r.stage.status === 'CANCELLED' ? null : (r.convention ?? 'DRAFT'),
          attendance: r.attendance ? ATTENDANCE_LABEL[r.attendance] : '—',
        }))}
      />
    </DataTable>
  );
}

const opt = (value: string, label: string) => ({ value, label });
const STATUS_PARAM = { CONFIRMED: 'inscrits', WAITING: 'attente', CANCELLED: 'annules' } as const;

/** The filters every viewer has (the collège filter is the staff's only). */
const PICKERS: { name: string; label: string; value: (f: ReturnType<typeof traineeFilters>) => string; options: { value: string; label: string }[] }[] = [
  {
    name: 'statut',
    label: 'Inscription',
    value: (f) => (f.status ? STATUS_PARAM[f.status] : ''),
    options: [opt('', 'Toutes'), opt('inscrits', 'Inscrits'), opt('attente', 'Liste d’attente'), opt('annules', 'Annulées')],
  },
  { name: 'par', label: 'Regrouper', value: (f) => f.group ?? '', options: [opt('', 'Par date'), opt('stage', 'Par stage'), opt('etablissement', 'Par collège')] },
  { name: 'passes', label: 'Période', value: (f) => (f.past ? '1' : ''), options: [opt('', 'Stages à venir'), opt('1', 'Tous les stages, passés compris')] },
];

/** Rows grouped by stage or by collège, in their order. */
function groups(rows: TraineeRow[], by: 'stage' | 'etablissement') {
  const out = new Map<string, { title: string; rows: TraineeRow[] }>();
  for (const r of rows) {
    const key = by === 'stage' ? r.stage.id : r.establishmentId;
    const title = by === 'stage' ? `${formatDay(r.stage.date)} — ${r.stage.formation} (${formatHours(r.stage.startMinutes, r.stage.endMinutes)})` : r.establishment;
    const g = out.get(key) ?? { title, rows: [] };
    g.rows.push(r);
    out.set(key, g);
  }
  return [...out.values()].sort((a, b) => (by === 'etablissement' ? a.title.localeCompare(b.title, 'fr') : 0));
}

export default async function TraineesPage({ searchParams }: { searchParams: Promise<TraineeSearch> }) {
  const sp = await searchParams;
  const f = traineeFilters(sp);
  const paging = pagingOf(sp.page);
  // The platform's staff, or a collège's team members who enrol pupils.
  const g = await requireSite(['enrolments:view-site', 'enrolments:create'], {
    path: f.query ? `/stagiaires?${f.query}` : '/stagiaires',
    what: 'à l’équipe du lycée et aux équipes des collèges qui inscrivent leurs élèves',
  });
  if (!g.ok) return g.denied;
  const { actor, site } = g;
  const staff = can(actor, 'enrolments:view-site');
  const scope = traineeScopeOf(actor);
  const [rows, total, options] = scope
    ? await Promise.all([listTrainees(site.id, scope, f, paging), countTrainees(site.id, scope, f), traineeFilterOptions(site.id, scope)])
    : [[], 0, { establishments: [] }];
  const { page, pages } = pagesOf(paging, total);
  const csv = `/api/stagiaires${f.query ? `?${f.query}` : ''}`;
  const pageHref = (n: number) => `/stagiaires?${new URLSearchParams([...new URLSearchParams(f.query), ...(f.group ? [['par', f.group]] : []), ['page', String(n)]])}`;
  return (
    <div className="stack">
      <h1>Stagiaires</h1>
      <p className="muted">
        {staff
          ? 'Les élèves inscrits aux stages de la plateforme.'
          : scope
            ? `Les élèves de ${actor.member!.establishmentName} que vous suivez, inscrits aux stages de ce lycée.`
            : 'Les inscriptions des élèves sont visibles par leur professeur principal, la direction, la vie scolaire et le secrétariat du collège.'}
      </p>
      {scope ? (
        <form method="get" className={e.filters} aria-label="Filtrer les stagiaires">
          {staff ? (
            <SelectField
              label="Collège"
              name="college"
              defaultValue={f.establishmentId ?? ''}
              options={[
                { value: '', label: 'Tous les collèges' },
                ...options.establishments.map((e) => ({ value: e.id, label: e.city ? `${e.name} (${e.city})` : e.name })),
              ]}
            />
          ) : null}
          {PICKERS.map((k) => (
            <SelectField key={k.name} label={k.label} name={k.name} defaultValue={k.value(f)} options={k.options} />
          ))}
          <div className={e.filterSubmit}>
            <Button type="submit" variant="secondary">
              Filtrer
            </Button>
          </div>
        </form>
      ) : null}
      {total > 0 && rows.length === 0 ? (
        <p>
          Cette page n’existe plus : <Link href={pageHref(pages)}>voir la dernière page</Link>.
        </p>
      ) : rows.length === 0 ? (
        <p>
          Aucun stagiaire {f.status || f.establishmentId ? 'ne correspond à ces filtres' : `inscrit${f.past ? '' : ' aux stages à venir'} pour l’instant`}. Les équipes
          des collèges inscrivent leurs élèves depuis le <Link href="/calendrier">calendrier</Link>.
        </p>
      ) : (
        <>
          <p>
            {total} inscription{total > 1 ? 's' : ''}
            {pages > 1 ? ` (${PAGE_SIZE} par page)` : ''}.{' '}
            <ButtonLink href={csv} variant="secondary" small download>
              Export CSV
            </ButtonLink>
          </p>
          {f.group ? (
            groups(rows, f.group).map((grp) => (
              <section key={grp.title} aria-label={grp.title}>
                <h2>{grp.title}</h2>
                <TraineeTable rows={grp.rows} caption={`${grp.rows.length} inscriptions`} />
              </section>
            ))
          ) : (
            <TraineeTable rows={rows} caption={pages > 1 ? `Inscriptions, page ${page} sur ${pages}` : `${rows.length} inscriptions`} />
          )}
          <Pagination page={page} pages={pages} href={pageHref} />
        </>
      )}
    </div>
  );
}
