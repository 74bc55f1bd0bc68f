// « Exporter en CSV » of a collège's journal (/etablissement/journal): GET /api/journal/etablissement on
// the portal, with the page's filters. The collège comes from the session, who may from the permission table.
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
  if (actor.site) return textResponse('Le journal d’un collège s’exporte depuis le portail.', 404);
  if (!actor.user) return textResponse('Connectez-vous pour exporter le journal.', 401);
  if (!actor.member || !can(actor, 'audit:view-establishment')) return textResponse('Le journal du collège est réservé au chef d’établissement et à ses adjoints.', 403);
  const f = auditFilters(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await auditExport({ kind: 'establishment', establishmentId: actor.member.establishmentId }, f);
  return auditCsvResponse(rows, actor.member.establishmentUai);
}
