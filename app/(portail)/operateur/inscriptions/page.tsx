import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewDecision } from '@/components/accounts/ReviewDecision';
import { listPendingReviews } from '@/lib/accounts/reviews';
import { establishmentLabel } from '@/lib/accounts/common';
import { displayName, formatDateTime } from '@/lib/core/format';
import { requireOperator } from '@/lib/core/guards';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Inscriptions d’établissements à valider' };

export default async function RegistrationReviewsPage() {
  const g = await requireOperator('/operateur/inscriptions');
  if (!g.ok) return g.denied;
  const reviews = await listPendingReviews();
  return (
    <div className="stack">
      <p>
        <Link href="/operateur">← Espace de l’équipe technique</Link>
      </p>
      <h1>Inscriptions d’établissements à valider</h1>
      <p>
        Ces établissements n’ont aucune adresse dans l’annuaire de l’éducation : vérifiez auprès de l’établissement (téléphone, site) que le demandeur le représente.
        Validée, l’inscription envoie un lien d’activation à l’adresse du demandeur.
      </p>
      {reviews.length === 0 ? (
        <p className="muted">Aucune inscription n’attend de validation.</p>
      ) : (
        <ul className={s.requests}>
          {reviews.map((r) => {
            const applicant = displayName({ ...r.applicant, login: r.applicant.email ?? '' }, { civility: true });
            const fn = r.applicant.memberships.find((m) => m.establishmentId === r.establishmentId)?.function;
            return (
              <li key={r.id} id={r.id} className={s.request}>
                <h2>
                  {establishmentLabel(r.establishment)} — {r.establishment.uai}
                </h2>
                <dl className={s.details}>
                  <dt>Établissement</dt>
                  <dd>
                    {r.establishment.natureLabel ?? '—'}, {r.establishment.isPublic ? 'public' : 'privé'}
                  </dd>
                  <dt>Téléphone (annuaire)</dt>
                  <dd>{r.establishment.phone ?? '—'}</dd>
                  <dt>Site web (annuaire)</dt>
                  <dd>{r.establishment.website ?? '—'}</dd>
                  <dt>Demandeur</dt>
                  <dd>
                    {applicant}
                    {fn ? `, ${fn}` : ''}
                  </dd>
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
