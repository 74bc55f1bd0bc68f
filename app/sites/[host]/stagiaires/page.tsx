import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';
import { ENROLMENT_STATUS, listTrainees, traineeScopeOf } from '@/lib/stages/trainees';
import s from '@/components/stages/stages.module.css';

export const metadata: Metadata = { title: 'Stagiaires' };

export default async function TraineesPage({ searchParams }: { searchParams: Promise<{ passes?: string }> }) {
  const past = (await searchParams).passes === '1';
  // The platform's staff, or a collège's team (enrolments:create: only a collège membership holds it).
  const g = await requireSite(['enrolments:view-site', 'enrolments:create'], {
    path: past ? '/stagiaires?passes=1' : '/stagiaires',
    what: 'à l’équipe du lycée et aux équipes des collèges qui inscrivent leurs élèves',
  });
  if (!g.ok) return g.denied;
  const { actor, site } = g;
  const staff = can(actor, 'enrolments:view-site');
  const scope = traineeScopeOf(actor);
  const rows = scope ? await listTrainees(site.id, scope, { past }) : [];
  return (
    <div className="stack">
      <h1>Stagiaires</h1>
      <p className="muted">
        {staff
          ? 'Les élèves inscrits aux stages de la plateforme.'
          : scope
            ? `Les élèves de ${actor.member!.establishmentName} que vous suivez, inscrits aux stages de ce lycée.`
            : 'Les inscriptions des élèves sont visibles par leur professeur principal, la direction, la vie scolaire et le secrétariat du collège.'}{' '}
        <Link href={past ? '/stagiaires' : '/stagiaires?passes=1'}>{past ? 'Masquer les stages passés' : 'Afficher aussi les stages passés'}</Link>
      </p>
      {rows.length === 0 ? (
        <p>
          Aucun stagiaire inscrit{past ? '' : ' aux stages à venir'} pour l’instant. Les équipes des collèges inscrivent leurs élèves depuis le{' '}
          <Link href="/calendrier">calendrier</Link>.
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className={s.table}>
            <caption className="visually-hidden">{rows.length} inscriptions</caption>
            <thead>
              <tr>
                <th scope="col">Élève</th>
                <th scope="col">Classe</th>
                <th scope="col">Collège</th>
                <th scope="col">Stage</th>
                <th scope="col">Horaires</th>
                <th scope="col">Inscription</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.pupil}</td>
                  <td>{r.classRoom ?? '—'}</td>
                  <td>{r.establishment}</td>
                  <td>
                    <Link href={`/stages/${r.stage.id}`}>{formatDay(r.stage.date)}</Link>
                    <br />
                    <span className="muted">{r.stage.formation}</span>
                  </td>
                  <td className={s.nowrap}>{formatHours(r.stage.startMinutes, r.stage.endMinutes)}</td>
                  <td>{r.stage.status === 'CANCELLED' ? 'Stage annulé' : ENROLMENT_STATUS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
