import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AccessDenied } from '@/components/accounts/AccessDenied';
import { AccessRequestAnswer } from '@/components/accounts/AccessRequestAnswer';
import { listPendingRequests } from '@/lib/accounts/access-requests';
import { formatDateTime } from '@/lib/accounts/common';
import { can } from '@/lib/core/permissions';
import { getActor } from '@/lib/core/session';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Demandes de création de compte' };

export default async function AccessRequestsPage() {
  const actor = await getActor();
  if (!actor.user) redirect('/connexion?callbackUrl=%2Fetablissement%2Fdemandes');
  if (!actor.member || !can(actor, 'access-requests:answer')) {
    return <AccessDenied what="au chef d’établissement et à ses adjoints" />;
  }
  const requests = await listPendingRequests(actor.member.establishmentId);
  return (
    <div className="stack">
      <h1>Demandes de création de compte</h1>
      <p>
        Des membres de l’équipe de votre établissement ({actor.member.establishmentName}) qui ne connaissaient pas l’identifiant de l’établissement demandent un
        compte. Accordez l’accès aux personnes que vous connaissez : elles reçoivent une invitation par email, avec le rôle choisi.
      </p>
      {requests.length === 0 ? (
        <p className="muted">Aucune demande en attente.</p>
      ) : (
        <ul className={s.requests}>
          {requests.map((r) => {
            const who = `${r.firstName} ${r.lastName}`;
            return (
              <li key={r.id} className={s.request}>
                <h2>{who}</h2>
                <dl className={s.details}>
                  <dt>Fonction indiquée</dt>
                  <dd>{r.function}</dd>
                  <dt>Adresse email</dt>
                  <dd>{r.email}</dd>
                  <dt>Demande du</dt>
                  <dd>{formatDateTime(r.createdAt)}</dd>
                </dl>
                <AccessRequestAnswer requestId={r.id} requester={who} mode="manager" />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
