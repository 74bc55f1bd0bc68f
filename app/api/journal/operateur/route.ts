// « Exporter en CSV » of the whole journal (/operateur/journal): GET /api/journal/operateur on the
// portal, with the page's filters; the platform's technical team only.
import { getActor } from '@/lib/core/session';
import { can } from '@/lib/core/permissions';
import { auditFilters } from '@/lib/audit/filters';
import { auditExport } from '@/lib/audit/queries';
import { auditCsvResponse } from '@/lib/audit/csv';
import { guardRoute, textResponse } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return guardRoute('journal', () => exportCsv(req));
}

async function exportCsv(req: Request): Promise<Response> {
  const actor = await getActor();
  if (actor.site) return textResponse('Le journal de l’équipe technique s’exporte depuis le portail.', 404);
  if (!actor.user) return textResponse('Connectez-vous pour exporter le journal.', 401);
  if (!can(actor, 'platform:operate')) return textResponse('Le journal complet est réservé à l’équipe technique de la plateforme.', 403);
  const f = auditFilters(Object.fromEntries(new URL(req.url).searchParams));
  return auditCsvResponse(await auditExport({ kind: 'all' }, f), 'complet');
}
