import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Alert } from '@/components/ui/Alert';
import { DataTable } from '@/components/ui/DataTable';
import { ButtonLink } from '@/components/ui/Button';
import { StageStatus } from '@/components/stages/StageStatus';
import { formatDay, formatHours, formatMonth, parisClock } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { freshReads } from '@/lib/core/session';
import { signInPath } from '@/lib/core/origin';
import { can } from '@/lib/core/permissions';
import { siteCalendarInfo, stageReads, teacherName } from '@/lib/stages/queries';
import { holidayWarning } from '@/lib/stages/rules';
import { ATTENDANCE_LABEL, ENROLMENT_STATUS, enrolmentPanel, stageEnrolments, traineeScopeOf } from '@/lib/enrolments/queries';
import { pupilReachOf } from '@/lib/classes/access';
import { EnrolForm } from '@/components/enrolments/EnrolForm';
import { EnrolmentActions } from '@/components/enrolments/EnrolmentActions';
import { ConvButton } from '@/components/conventions/ConvButton';
import e from '@/components/enrolments/enrolments.module.css';
import { monthOf } from '@/lib/stages/time';
import s from '@/components/stages/stages.module.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** The stage, read once per request (the title and the page both need it). */
const load = cache(async (id: string) => {
  const { actor, site } = await requireSite();
  const stage = await stageReads(await freshReads()).getStage(site.id, id);
  if (!stage) notFound();
  return { actor, site, stage };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { stage } = await load((await params).id);
  return { title: `Stage ${stage.formation.type} ${stage.formation.name} — ${formatDay(stage.date)}` };
}

export default async function StagePage({ params, searchParams }: Props) {
  const { actor, site, stage } = await load((await params).id);
  const sp = await searchParams;
  const staff = can(actor, 'stages:publish');
  const scope = traineeScopeOf(actor);
  const reach = can(actor, 'enrolments:create') ? pupilReachOf(actor, 'manage') : null;
  const [pupils, info, panel] = await Promise.all([
    scope ? stageEnrolments(site.id, stage.id, scope) : [],
    siteCalendarInfo(site.id),
    reach ? enrolmentPanel(site.id, stage, reach) : null,
  ]);
  const today = parisClock().day;
  const upcoming = stage.date >= today;
  // The lycée cancels until the stage's day; a collège before it (on the day, it calls the lycée).
  const canCancel = can(actor, 'enrolments:cancel-site') ? upcoming : can(actor, 'enrolments:cancel') && stage.date > today;
  const canMark = can(actor, 'attendance:record') && stage.status === 'PUBLISHED' && stage.date <= today;
  const editable = staff && stage.status === 'PUBLISHED' && upcoming;
  const warning = holidayWarning(stage.date, info.zone);
  return (
    <div className="stack">
      <p>
        <Link href={`/calendrier?mois=${monthOf(stage.date)}`}>‹ Calendrier de {formatMonth(monthOf(stage.date))}</Link>
      </p>
      <h1>
        {stage.formation.type} {stage.formation.name}
      </h1>
      {sp.modifie ? <Alert tone="success">Les modifications du stage sont enregistrées.</Alert> : null}
      {sp.annule !== undefined && stage.status === 'CANCELLED' ? (
        <Alert tone="success">Le stage est annulé. {Number(sp.annule) ? `${sp.annule} email(s) d’information envoyé(s).` : 'Aucun élève n’était inscrit.'}</Alert>
      ) : null}
      {stage.status === 'CANCELLED' ? <Alert tone="error" title="Ce stage est annulé.">{`Motif : ${stage.cancelReason ?? '—'}`}</Alert> : null}
      {warning && stage.status === 'PUBLISHED' ? <Alert tone="warning">{warning}</Alert> : null}
      {panel ? (
        <section aria-labelledby="inscrire" className={e.panel}>
          {panel.open ? (
            <details open={sp.inscrire !== undefined}>
              <summary>
                <h2 id="inscrire" style={{ display: 'inline' }}>
                  Inscrire un stagiaire
                </h2>
              </summary>
              <p>
                {panel.seatsLeft > 0
                  ? `${panel.seatsLeft} place${panel.seatsLeft > 1 ? 's' : ''} libre${panel.seatsLeft > 1 ? 's' : ''} sur ${stage.capacity}.`
                  : 'Ce stage est complet : vos élèves peuvent être inscrits en liste d’attente, dans l’ordre d’arrivée ; ils prennent la première place libérée.'}{' '}
                {panel.collegeLeft !== null && panel.capLiftsOn
                  ? `Partage équitable : votre collège peut encore prendre ${panel.collegeLeft} place${panel.collegeLeft > 1 ? 's' : ''} jusqu’au ${formatDay(panel.capLiftsOn)} ; ensuite, les places restantes sont ouvertes à tous.`
                  : null}
              </p>
              {!panel.emailVerified ? (
                <Alert tone="warning" title="Aucune convocation ne sera envoyée.">
                  L’adresse email de votre compte n’est pas validée. Ouvrez le lien d’activation reçu par email (ou demandez-en un nouveau depuis la page de connexion),
                  puis inscrivez vos élèves : la convocation part alors par email.
                </Alert>
              ) : null}
              <EnrolForm stageId={stage.id} pupils={panel.pupils} classes={panel.classes} full={panel.full} canType={reach!.wholeCollege} />
            </details>
          ) : (
            <>
              <h2 id="inscrire">Inscrire un stagiaire</h2>
              <p className="muted">{panel.reason}</p>
            </>
          )}
        </section>
      ) : null}
      <dl className={s.details}>
        <dt>Date</dt>
        <dd>{formatDay(stage.date)}</dd>
        <dt>Horaires</dt>
        <dd>{formatHours(stage.startMinutes, stage.endMinutes)}</dd>
        <dt>Détail des horaires</dt>
        <dd>{stage.scheduleDetail ?? '—'}</dd>
        <dt>Type de stage</dt>
        <dd>{stage.stageType}</dd>
        <dt>Enseignant responsable</dt>
        <dd>{teacherName(stage.teacher)}</dd>
        <dt>Lieu</dt>
        <dd>{stage.place ?? '—'}</dd>
        <dt>Public</dt>
        <dd>{stage.audience.length ? stage.audience.join(', ') : '—'}</dd>
        <dt>Places</dt>
        <dd>
          {stage.enrolledCount} inscrit{stage.enrolledCount > 1 ? 's' : ''} / {stage.capacity} <StageStatus r={stage} />
        </dd>
      </dl>
      {stage.description ? (
        <section aria-labelledby="description">
          <h2 id="description">Description</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{stage.description}</p>
        </section>
      ) : null}
      {editable ? (
        <div className={s.actions}>
          <ButtonLink href={`/stages/${stage.id}/modifier`}>Modifier</ButtonLink>
          <ButtonLink href={`/stages/${stage.id}/dupliquer`} variant="secondary">
            Dupliquer
          </ButtonLink>
          <ButtonLink href={`/stages/${stage.id}/annuler`} variant="danger">
            Annuler le stage
          </ButtonLink>
        </div>
      ) : staff && stage.status === 'PUBLISHED' ? (
        <div className={s.actions}>
          <ButtonLink href={`/stages/${stage.id}/dupliquer`} variant="secondary">
            Dupliquer
          </ButtonLink>
        </div>
      ) : null}
      {scope ? (
        <section aria-labelledby="stagiaires">
          <h2 id="stagiaires">{staff ? 'Stagiaires inscrits' : 'Vos élèves inscrits'}</h2>
          {pupils.length === 0 ? (
            <p className="muted">Aucun élève inscrit{staff ? '' : ' par votre établissement'} pour l’instant.</p>
          ) : (
            <DataTable
              columns={['Élève', 'Classe', 'Collège', 'Inscription', 'Convention', 'Présence', (canCancel || canMark) && 'Actions']}
              caption="Élèves inscrits à ce stage"
            >
              {pupils.map((p) => (
                <tr key={p.id}>
                  <td>{p.pupil}</td>
                  <td>{p.classRoom ?? '—'}</td>
                  <td>{p.establishment}</td>
                  <td>
                    {ENROLMENT_STATUS[p.status]}
                    {p.waitingRank ? ` (n° ${p.waitingRank})` : ''}
                  </td>
                  <td>{p.status === 'CONFIRMED' ? <ConvButton enrolmentId={p.id} pupil={p.pupil} status={p.convention} page={`/conventions/${p.id}`} /> : '—'}</td>
                  <td>{p.attendance ? ATTENDANCE_LABEL[p.attendance] : '—'}</td>
                  {canCancel || canMark ? (
                    <td>
                      <EnrolmentActions
                        enrolmentId={p.id}
                        pupil={p.pupil}
                        canCancel={canCancel}
                        attendance={p.attendance}
                        canMark={canMark && p.status === 'CONFIRMED'}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : (
        <p className="muted">
          Les équipes des collèges se connectent pour inscrire leurs élèves. <Link href={signInPath(`/stages/${stage.id}`)}>Connexion</Link>
        </p>
      )}
    </div>
  );
}
