import type { Metadata } from 'next';
import { AuditLog } from '@/components/audit/AuditLog';
import { auditFilters, auditQuery, type AuditSearch } from '@/lib/audit/filters';
import { auditActorName, auditPage, type AuditScope } from '@/lib/audit/queries';
import { requireSite } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Journal de la plateforme' };

/** The platform's audit trail: its administrators (audit:view-site), this host's platform only. */
export default async function SiteJournalPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const f = auditFilters(await searchParams);
  const q = auditQuery(f, f.page);
  const g = await requireSite('audit:view-site', q ? `/journal?${q}` : '/journal');
  if (!g.ok) return g.denied;
  const scope: AuditScope = { kind: 'site', siteId: g.site.id };
  const [page, actorName] = await Promise.all([auditPage(scope, f), f.actorId ? auditActorName(scope, f.actorId) : null]);
  return (
    <div className="stack">
      <h1>Journal de la plateforme</h1>
      <p className="muted">
        Les changements d’accès et les actes sensibles de la plateforme {g.site.name} : invitations de l’équipe, options, stages, inscriptions, conventions. Chaque ligne
        dit qui, quoi, quand et depuis quelle adresse ; le journal ne se modifie pas.
      </p>
      <AuditLog page={page} filters={f} path="/journal" csvPath="/api/journal/plateforme" actorName={actorName} />
    </div>
  );
}
