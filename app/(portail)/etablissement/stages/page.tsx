import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DataTable } from '@/components/ui/DataTable';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { pupilReachOf } from '@/lib/classes/access';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { env } from '@/lib/core/env';
import { siteOrigin } from '@/lib/core/origin';
import { portalOrigin } from '@/lib/core/session';
import { ATTENDANCE_LABEL, ENROLMENT_STATUS, collegeEnrolments } from '@/lib/enrolments/queries';
import { ConvButton } from '@/components/conventions/ConvButton';

export const metadata: Metadata = { title: 'Stages des élèves' };

/** The collège's pupils' enrolments on every lycée platform, by class, with what is missing. */
export default async function CollegeStagesPage({ searchParams }: { searchParams: Promise<{ passes?: string | string[] }> }) {
  await connection();
  const past = (await searchParams).passes === '1';
  const g = await requireMember('team:view', past ? '/etablissement/stages?passes=1' : '/etablissement/stages');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const reach = pupilReachOf(actor, 'view') ?? pupilReachOf(actor, 'manage');
  const rows = reach ? await collegeEnrolments(reach, { past }) : [];
  const portal = await portalOrigin();
  const byClass = new Map<string, typeof rows>();
  for (const r of rows) byClass.set(r.classRoom, [...(byClass.get(r.classRoom) ?? []), r]);
  const classes = [...byClass.keys()].sort((a, b) => (a === 'Sans classe' ? 1 : b === 'Sans classe' ? -1 : a.localeCompare(b, 'fr', { numeric: true })));
  const missing = rows.filter((r) => r.missing.length > 0).length;
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="stages" />
      <h1>Stages des élèves</h1>
      {!reach ? (
        <p>Les inscriptions des élèves sont visibles par leur professeur principal, la direction, la vie scolaire et le secrétariat du collège.</p>
      ) : (
        <>
          <p className="muted">
            Les inscriptions de vos élèves sur toutes les plateformes des lycées{past ? ', stages passés compris' : ', stages à venir'}.{' '}
            <Link href={past ? '/etablissement/stages' : '/etablissement/stages?passes=1'}>
              {past ? 'Masquer les stages passés' : 'Afficher aussi les stages passés'}
            </Link>
          </p>
          {rows.length === 0 ? (
            <p>
              Aucun élève inscrit{past ? '' : ' à un stage à venir'}. Pour inscrire un élève, ouvrez un stage sur la plateforme d’un lycée (depuis son calendrier) et
              choisissez « Inscrire un stagiaire ».
            </p>
          ) : (
            <>
              <p>
                {rows.length} inscription{rows.length > 1 ? 's' : ''}
                {missing ? ` — ${missing} avec une pièce manquante (convention ou présence).` : ', rien ne manque.'}
              </p>
              {classes.map((c) => (
                <section key={c} aria-label={c}>
                  <h2>{c}</h2>
                  <DataTable columns={['Élève', 'Stage', 'Lycée', 'Inscription', 'Convention', 'Présence', 'À faire']} caption={`Stages des élèves de ${c}`}>
                    {byClass.get(c)!.map((r) => (
                      <tr key={r.id}>
                        <td>{r.pupil}</td>
                        <td>
                          <a href={`${siteOrigin(r.site, portal, env.rootDomain)}/stages/${r.stage.id}`}>{formatDay(r.stage.date)}</a>
                          <br />
                          <span className="muted">
                            {r.stage.formation}, {formatHours(r.stage.startMinutes, r.stage.endMinutes)}
                          </span>
                        </td>
                        <td>{r.site.name}</td>
                        <td>{r.stage.status === 'CANCELLED' ? 'Stage annulé' : ENROLMENT_STATUS[r.status]}</td>
                        <td>
                          {r.status !== 'CONFIRMED' || r.stage.status === 'CANCELLED' ? (
                            '—'
                          ) : (
                            <ConvButton enrolmentId={r.id} pupil={r.pupil} status={r.convention} page={`/etablissement/conventions/${r.id}`} />
                          )}
                        </td>
                        <td>{r.attendance ? ATTENDANCE_LABEL[r.attendance] : '—'}</td>
                        <td>{r.missing.length ? `Manque : ${r.missing.join(', ')}` : '—'}</td>
                      </tr>
                    ))}
                  </DataTable>
                </section>
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}
