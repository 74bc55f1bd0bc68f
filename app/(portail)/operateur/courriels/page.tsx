import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/ActionButton';
import { DataTable } from '@/components/ui/DataTable';
import { env } from '@/lib/core/env';
import { formatDateTime } from '@/lib/core/format';
import { requireOperator } from '@/lib/core/guards';
import { resendEmailAction } from '@/lib/mail/actions';
import { RETRY_POLICY, listEmailProblems } from '@/lib/mail/queries';

export const metadata: Metadata = { title: 'Courriels en échec' };

export default async function FailedEmailsPage() {
  const g = await requireOperator('/operateur/courriels');
  if (!g.ok) return g.denied;
  const { rows, more } = await listEmailProblems();
  return (
    <div className="stack">
      <p>
        <Link href="/operateur">‹ Espace de l’équipe technique</Link>
      </p>
      <h1>Courriels en échec</h1>
      <p>
        Un courriel que le serveur d’envoi refuse est retenté automatiquement, à intervalles croissants (de 30 secondes à une heure), pendant environ {RETRY_POLICY.hours}{' '}
        heures ({RETRY_POLICY.attempts} essais) ; il est ensuite abandonné. Les abandonnés restent listés ici {env.outboxRetentionDays} jours, puis sont supprimés. «
        Renvoyer » remet le courriel en file d’envoi tout de suite, avec de nouveaux essais. Le contenu des courriels n’est pas affiché.
      </p>
      {rows.length === 0 ? (
        <p className="muted">Aucun courriel en échec.</p>
      ) : (
        <>
          {more ? <p className="muted">Seuls les {rows.length} plus récents sont affichés.</p> : null}
          <DataTable columns={['Destinataire', 'Objet', 'Modèle', 'État', 'Essais', 'Dernière erreur', 'Écrit le', 'Action']} caption="Courriels en échec">
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.to}</td>
                <td>{r.subject}</td>
                <td>{r.template}</td>
                <td>{r.status === 'FAILED' ? 'Abandonné' : `Nouvel essai le ${formatDateTime(r.nextAttemptAt)}`}</td>
                <td>{r.attempts}</td>
                <td>{r.lastError ?? '—'}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  <ActionButton
                    action={resendEmailAction}
                    input={{ emailId: r.id }}
                    label={
                      <>
                        Renvoyer<span className="visually-hidden"> le courriel à {r.to}</span>
                      </>
                    }
                    success="Courriel remis en file d’envoi."
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
