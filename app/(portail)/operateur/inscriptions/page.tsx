import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccessDenied } from '@/components/accounts/AccessDenied';
import { ReviewDecision } from '@/components/accounts/ReviewDecision';
import { listPendingReviews } from '@/lib/accounts/reviews';
import { establishmentLabel, formatDateTime, personName } from '@/lib/accounts/common';
import { can } from '@/lib/core/permissions';
import { getActor } from '@/lib/core/session';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Inscriptions d’établissements à valider' };

export default async function RegistrationReviewsPage() {
  const actor = await getActor();
  if (!actor.user) redirect('/connexion?callbackUrl=%2Foperateur%2Finscriptions');
  if (!can(actor, 'platform:operate')) return <AccessDenied what="à l’équipe technique de la plateforme" />;
  const reviews = await listPendingReviews();
  return (
    <div className="stack">
      <p><Link href="/operateur">← Espace de l’équipe technique</Link></p>
      <h1>Inscriptions d’établissements à valider</h1>
      <p>
        Ces établissements n’ont aucune adresse dans l’annuaire de l’éducation : vérifiez auprès de l’établissement (téléphone, site) que
        le demandeur le représente. Validée, l’inscription envoie un lien d’activation à l’adresse du demandeur.
      </p>
      {reviews.length === 0 ? (
        <p className="muted">Aucune inscription n’attend de validation.</p>
      ) : (
        <ul className={s.requests}>
          {reviews.map((r) => {
            const applicant = personName({ ...r.applicant, login: r.applicant.email ?? '' });
            const fn = r.applicant.memberships.find((m) => m.establishmentId === r.establishmentId)?.function;
            return (
              <li key={r.id} id={r.id} className={s.request}>
                <h2>{establishmentLabel(r.establishment)} — {r.establishment.uai}</h2>
                <dl className={s.details}>
                  <dt>Établissement</dt>
                  <dd>{r.establishment.natureLabel ?? '—'}, {r.establishment.isPublic ? 'public' : 'privé'}</dd>
                  <dt>Téléphone (annuaire)</dt>
                  <dd>{r.establishment.phone ?? '—'}</dd>
                  <dt>Site web (annuaire)</dt>
                  <dd>{r.establishment.website ?? '—'}</dd>
                  <dt>Demandeur</dt>
                  <dd>{applicant}{fn ? `, ${fn}` : ''}</dd>
                  <dt>Adresse du demandeur</dt>
                  <dd>{r.applicant.email}</dd>
                  <dt>Demande du</dt>
                  <dd>{formatDateTime(r.createdAt)}</dd>
                </dl>
                <ReviewDecision reviewId={r.id} applicant={applicant} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
