import type { Metadata } from 'next';
import { AuditLog } from '@/components/audit/AuditLog';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { auditFilters, auditQuery, type AuditSearch } from '@/lib/audit/filters';
import { auditActorName, auditPage, type AuditScope } from '@/lib/audit/queries';
import { requireMember } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Journal du collège' };

/** The collège's audit trail: the heads of the establishment (audit:view-establishment), their collège only. */
export default async function EstablishmentJournalPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const f = auditFilters(await searchParams);
  const q = auditQuery(f, f.page);
  const g = await requireMember('audit:view-establishment', q ? `/etablissement/journal?${q}` : '/etablissement/journal');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const scope: AuditScope = { kind: 'establishment', establishmentId: member.establishmentId };
  const [page, actorName] = await Promise.all([auditPage(scope, f), f.actorId ? auditActorName(scope, f.actorId) : null]);
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="home" />
      <h1>Journal du collège</h1>
      <p className="muted">
        Les changements d’accès et les actes sensibles de {member.establishmentName} : inscriptions et approbations de l’équipe, invitations, classes, élèves,
        inscriptions aux stages, conventions, échecs de connexion des comptes de l’équipe. Chaque ligne dit qui, quoi, quand et depuis quelle adresse ; le journal ne se
        modifie pas.
      </p>
      <AuditLog page={page} filters={f} path="/etablissement/journal" csvPath="/api/journal/etablissement" actorName={actorName} />
    </div>
  );
}
