import type { Metadata } from 'next';
import { AccessRequestAnswer } from '@/components/accounts/AccessRequestAnswer';
import { listPendingRequests } from '@/lib/accounts/access-requests';
import { formatDateTime } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Demandes de création de compte' };

export default async function AccessRequestsPage() {
  const g = await requireMember('access-requests:answer', '/etablissement/demandes');
  if (!g.ok) return g.denied;
  const { member } = g;
  const requests = await listPendingRequests(member.establishmentId);
  return (
    <div className="stack">
      <h1>Demandes de création de compte</h1>
      <p>
        Des membres de l’équipe de votre établissement ({member.establishmentName}) qui ne connaissaient pas l’identifiant de l’établissement demandent un compte.
        Accordez l’accès aux personnes que vous connaissez : elles reçoivent une invitation par email, avec le rôle choisi.
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
