import type { Metadata } from 'next';
import { AuditLog } from '@/components/audit/AuditLog';
import { auditFilters, auditQuery, type AuditSearch } from '@/lib/audit/filters';
import { auditActorName, auditPage, type AuditScope } from '@/lib/audit/queries';
import { requireOperator } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Journal d’audit' };

const SCOPE: AuditScope = { kind: 'all' };

/** The whole audit trail, every collège and platform: the technical team only. */
export default async function OperatorJournalPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const f = auditFilters(await searchParams);
  const q = auditQuery(f, f.page);
  const g = await requireOperator(q ? `/operateur/journal?${q}` : '/operateur/journal');
  if (!g.ok) return g.denied;
  const [page, actorName] = await Promise.all([auditPage(SCOPE, f), f.actorId ? auditActorName(SCOPE, f.actorId) : null]);
  return (
    <div className="stack">
      <h1>Journal d’audit</h1>
      <p className="muted">
        Toutes les actions enregistrées, sur le portail et sur chaque plateforme : inscriptions d’établissements, activations, échecs de connexion, approbations,
        invitations, classes, élèves, inscriptions, conventions, clôture de l’année, options. Le journal ne se modifie pas : la base de données refuse toute modification
        ou suppression d’une ligne.
      </p>
      <AuditLog page={page} filters={f} path="/operateur/journal" csvPath="/api/journal/operateur" actorName={actorName} />
    </div>
  );
}
