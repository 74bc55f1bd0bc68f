// « Exporter en CSV » of a platform's journal (/journal on the platform's host): GET /api/journal/plateforme
// on that host, with the page's filters. The platform comes from the Host header, who may from the session.
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
  if (!actor.site) return textResponse('Aucune plateforme de mini-stages à cette adresse.', 404);
  if (!actor.user) return textResponse('Connectez-vous pour exporter le journal.', 401);
  if (!can(actor, 'audit:view-site')) return textResponse('Le journal de la plateforme est réservé à ses administrateurs.', 403);
  const f = auditFilters(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await auditExport({ kind: 'site', siteId: actor.site.id }, f);
  return auditCsvResponse(rows, actor.site.slug);
}
