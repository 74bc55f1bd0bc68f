// « Export CSV » of the platform's « Stagiaires »: GET /api/stagiaires on the platform's host, with the
// page's filters. The platform comes from the Host header, who may see what from the session.
import { getActor } from '@/lib/core/session';
import { traineeScopeOf, listTrainees } from '@/lib/enrolments/queries';
import { traineeFilters } from '@/lib/enrolments/filters';
import { traineesCsv } from '@/lib/enrolments/csv';
import { parisClock } from '@/lib/core/format';
import { can } from '@/lib/core/permissions';
import { guardRoute, textResponse as text } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return guardRoute('stagiaires', () => exportCsv(req));
}

async function exportCsv(req: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor.site) return text('Aucune plateforme de mini-stages à cette adresse.', 404);
  if (!actor.user) return text('Connectez-vous pour exporter la liste des stagiaires.', 401);
  // The page's rule (app/sites/[host]/stagiaires): the platform's staff, or a collège member who enrols.
  const scope = can(actor, 'enrolments:view-site') || can(actor, 'enrolments:create') ? traineeScopeOf(actor) : null;
  if (!scope) return text('La liste des stagiaires est réservée à l’équipe du lycée et aux équipes des collèges qui inscrivent leurs élèves.', 403);
  const f = traineeFilters(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listTrainees(actor.site.id, scope, f);
  return new Response(traineesCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="stagiaires-${actor.site.slug}-${parisClock().day}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
