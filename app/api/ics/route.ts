// ICS feed of the platform's stages: GET /api/ics on the platform's host (subscribe in any calendar
// app). Route handlers are not rewritten by proxy.ts: the platform comes from the Host header here.
import { findSiteByHost } from '@/lib/core/actor';
import { buildIcs, icsStages } from '@/lib/stages/ics';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const host = req.headers.get('host') ?? '';
  const site = await findSiteByHost(host);
  if (!site) {
    return new Response('Aucune plateforme de mini-stages à cette adresse.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const proto = req.headers.get('x-forwarded-proto') ?? new URL(req.url).protocol.replace(':', '');
  const body = buildIcs({ siteName: site.name, host: site.host, url: `${proto}://${host}`, stages: await icsStages(site.id) });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="mini-stages-${site.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
