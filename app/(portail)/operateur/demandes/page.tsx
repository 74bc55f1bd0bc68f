import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessRequestAnswer } from '@/components/accounts/AccessRequestAnswer';
import { listOverdueRequests } from '@/lib/accounts/access-requests';
import { establishmentLabel } from '@/lib/accounts/common';
import { formatDateTime } from '@/lib/core/format';
import { requireOperator } from '@/lib/core/guards';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Demandes de création de compte sans réponse' };

export default async function OverdueRequestsPage() {
  const g = await requireOperator('/operateur/demandes');
  if (!g.ok) return g.denied;
  const requests = await listOverdueRequests();
  return (
    <div className="stack">
      <p>
        <Link href="/operateur">← Espace de l’équipe technique</Link>
      </p>
      <h1>Demandes de création de compte sans réponse</h1>
      <p>
        Demandes restées sans réponse des responsables de l’établissement depuis plus de 24 heures (ou adressées directement à l’équipe technique faute de responsable
        actif). Comme le prévoit le guide, seules les demandes faites depuis l’adresse ce.&lt;UAI&gt;@&lt;académie&gt; de l’établissement peuvent être accordées par
        l’équipe technique ; les autres peuvent seulement être refusées.
      </p>
      {requests.length === 0 ? (
        <p className="muted">Aucune demande en souffrance.</p>
      ) : (
        <ul className={s.requests}>
          {requests.map((r) => {
            const who = `${r.firstName} ${r.lastName}`;
            return (
              <li key={r.id} className={s.request}>
                <h2>
                  {who} — {establishmentLabel(r.establishment)} ({r.establishment.uai})
                </h2>
                <p>
                  {r.escalatable ? (
                    <span className={`${s.tag} ${s.tagOk}`}>Transmissible : adresse officielle de l’établissement</span>
                  ) : (
                    <span className={`${s.tag} ${s.tagNo}`}>Non transmissible : ce n’est pas l’adresse ce.&lt;UAI&gt; de l’établissement</span>
                  )}
                </p>
                <dl className={s.details}>
                  <dt>Fonction</dt>
                  <dd>{r.function}</dd>
                  <dt>Adresse</dt>
                  <dd>{r.email}</dd>
                  <dt>Demande du</dt>
                  <dd>{formatDateTime(r.createdAt)}</dd>
                </dl>
                <AccessRequestAnswer requestId={r.id} requester={who} mode="operator" canGrant={r.escalatable} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
