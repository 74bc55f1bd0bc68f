// « Exporter en CSV » of the whole journal (/operateur/journal): GET /api/journal/operateur on the
// portal, with the page's filters; the platform's technical team only.
import { getActor } from '@/lib/core/session';
import { can } from '@/lib/core/permissions';
import { auditFilters } from '@/lib/audit/filters';
import { auditExport } from '@/lib/audit/queries';
import { auditCsvResponse, auditRefusal } from '@/lib/audit/csv';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const actor = await getActor();
  if (actor.site) return auditRefusal('Le journal de l’équipe technique s’exporte depuis le portail.', 404);
  if (!actor.user) return auditRefusal('Connectez-vous pour exporter le journal.', 401);
  if (!can(actor, 'platform:operate')) return auditRefusal('Le journal complet est réservé à l’équipe technique de la plateforme.', 403);
  const f = auditFilters(Object.fromEntries(new URL(req.url).searchParams));
  return auditCsvResponse(await auditExport({ kind: 'all' }, f), 'complet');
}
