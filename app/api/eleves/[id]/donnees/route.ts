// « Télécharger (JSON) »: GET /api/eleves/<pupil>/donnees, everything held about one pupil of the
// member's collège, as a JSON file — for the head of the collège (`pupils:data`; the establishment
// comes from the session, never from the URL). Another collège's pupil is not found. Each download is
// recorded in the audit trail (« pupil.export »).
import { getActor } from '@/lib/core/session';
import { AppError } from '@/lib/core/errors';
import { guardRoute, textResponse as text } from '@/lib/core/route';
import { pupilDataFor } from '@/lib/pupils/queries';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return guardRoute('eleves', async () => download((await ctx.params).id));
}

async function download(id: string): Promise<Response> {
  const actor = await getActor();
  if (!actor.user) return text('Connectez-vous pour obtenir les données de cet élève.', 401);
  try {
    const data = await pupilDataFor(actor, id.slice(0, 40), 'json');
    const day = data.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="donnees-eleve-${data.pupil.id}-${day}.json"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'FORBIDDEN') return text('Les données d’un élève sont réservées au chef d’établissement et à ses adjoints.', 403);
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return text('Élève introuvable. Il a peut-être été effacé, ou il ne dépend pas de votre établissement.', 404);
    throw err;
  }
}
