// One of the pupil's enrolments in « Mes stages »: what the convocation says (when, where, whom to
// ask, what to bring), the waiting-list position, the convention's state and, once signed, its PDF.
// Pure rendering of lib/enrolments/home.ts's PupilStage.
import type { PupilStage } from '@/lib/enrolments/home';
import { formatDay, formatHours } from '@/lib/core/format';
import s from './home.module.css';

type ConventionStatus = NonNullable<PupilStage['convention']>['status'];

/** What the state of the convention means for the pupil and their family. */
const CONVENTION_HINT: Record<ConventionStatus, string> = {
  DRAFT: 'Votre collège la prépare, puis l’envoie pour signature.',
  READY: 'Vos responsables légaux, le collège et le lycée la signent, chacun depuis le lien reçu par email.',
  PARTIAL: 'Des signatures manquent encore : chacun signe depuis le lien reçu par email.',
  SIGNED: 'Toutes les parties l’ont signée.',
  CANCELLED: 'L’inscription est annulée : sa convention aussi.',
};

function statusTag(st: PupilStage): { text: string; className: string } {
  if (st.status === 'CANCELLED') return { text: st.statusLabel, className: `${s.tag} ${s.tagOff}` };
  if (st.status === 'WAITING') return { text: st.waitingRank ? `${st.statusLabel} : position ${st.waitingRank}` : st.statusLabel, className: `${s.tag} ${s.tagWarn}` };
  return { text: st.statusLabel, className: `${s.tag} ${s.tagOk}` };
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <ul className={s.lines}>
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

export function PupilStageCard({ stage: st, past = false }: { stage: PupilStage; past?: boolean }) {
  const titleId = `stage-${st.id}`;
  const tag = statusTag(st);
  const cancelled = st.status === 'CANCELLED';
  return (
    <li className={`card ${s.stage}`}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId}>{st.formation}</h3>
        <p className="row">
          <span className={tag.className}>{tag.text}</span>
          <strong>{formatDay(st.date)}</strong>
          <span className="muted">
            {st.stageType} · {st.platform}
          </span>
        </p>
        {cancelled ? (
          <p>
            <strong>Vous n’avez pas à vous présenter à ce stage</strong>
            {st.stageCancelled ? ' : le lycée l’a annulé.' : ' : votre inscription est annulée.'} Pour en choisir un autre, parlez-en à votre professeur principal.
          </p>
        ) : null}
        {st.status === 'WAITING' ? (
          <p>
            {st.waitingRank ? `Vous êtes en position ${st.waitingRank} sur la liste d’attente de ce stage.` : 'Vous êtes sur la liste d’attente de ce stage.'} Si une
            place se libère, vous serez inscrit(e) automatiquement et la convocation sera envoyée par email.
          </p>
        ) : null}
        <dl className={s.facts}>
          <dt>Quand</dt>
          <dd>
            Le {formatDay(st.date)}, de {formatHours(st.startMinutes, st.endMinutes, 'à')}
            {st.scheduleDetail ? <span className="muted"> ({st.scheduleDetail})</span> : null}
          </dd>
          <dt>Où</dt>
          <dd>
            <Lines lines={st.placeLines} />
            {st.mapUrl && !past ? <a href={st.mapUrl}>Voir le lieu sur la carte (OpenStreetMap)</a> : null}
          </dd>
          {!past && !cancelled ? (
            <>
              <dt>À l’arrivée, s’adresser à</dt>
              <dd>
                <Lines lines={st.askFor} />
              </dd>
              <dt>À apporter</dt>
              <dd>{st.toBring}</dd>
            </>
          ) : null}
          {st.convention ? (
            <>
              <dt>Convention de stage</dt>
              <dd>
                <strong>{st.convention.label}</strong>.{past && !st.convention.pdfUrl ? null : ` ${CONVENTION_HINT[st.convention.status]}`}
                {st.convention.pdfUrl ? (
                  <>
                    <br />
                    <a href={st.convention.pdfUrl}>Télécharger la convention signée (PDF)</a>
                  </>
                ) : !past && st.convention.status !== 'CANCELLED' ? (
                  <>
                    <br />
                    <span className="muted">{st.convention.note}</span>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {past || st.attendance ? (
            <>
              <dt>Présence</dt>
              <dd>
                {st.attendance === 'PRESENT' ? 'Présent(e)' : st.attendance === 'ABSENT' ? 'Absent(e)' : 'Pas encore notée par le lycée'}
                {st.attestationUrl ? (
                  <>
                    <br />
                    <a href={st.attestationUrl}>Télécharger l’attestation de présence (PDF)</a>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        <p>
          <a href={st.stageUrl}>Voir le stage sur la plateforme du lycée</a>
        </p>
      </article>
    </li>
  );
}
