import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/Alert';
import { ButtonLink } from '@/components/ui/Button';
import { StageStatus } from '@/components/stages/StageTable';
import { formatDay, formatHours, formatMonth, parisClock } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { signInPath } from '@/lib/core/origin';
import { can } from '@/lib/core/permissions';
import { getStage, siteCalendarInfo, teacherName } from '@/lib/stages/queries';
import { holidayWarning } from '@/lib/stages/rules';
import { ENROLMENT_STATUS, stageEnrolments, traineeScopeOf } from '@/lib/stages/trainees';
import { monthOf } from '@/lib/stages/time';
import s from '@/components/stages/stages.module.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

async function load(id: string) {
  const { actor, site } = await requireSite();
  const stage = await getStage(site.id, id);
  if (!stage) notFound();
  return { actor, site, stage };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { stage } = await load((await params).id);
  return { title: `Stage ${stage.formation.type} ${stage.formation.name} — ${formatDay(stage.date)}` };
}

export default async function StagePage({ params, searchParams }: Props) {
  const { actor, site, stage } = await load((await params).id);
  const sp = await searchParams;
  const staff = can(actor, 'stages:publish');
  const scope = traineeScopeOf(actor);
  const [pupils, info] = await Promise.all([scope ? stageEnrolments(site.id, stage.id, scope) : [], siteCalendarInfo(site.id)]);
  const upcoming = stage.date >= parisClock().day;
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
            <table>
              <thead>
                <tr>
                  <th scope="col">Élève</th>
                  <th scope="col">Classe</th>
                  <th scope="col">Collège</th>
                  <th scope="col">Inscription</th>
                </tr>
              </thead>
              <tbody>
                {pupils.map((p) => (
                  <tr key={p.id}>
                    <td>{p.pupil}</td>
                    <td>{p.classRoom ?? '—'}</td>
                    <td>{p.establishment}</td>
                    <td>{ENROLMENT_STATUS[p.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
