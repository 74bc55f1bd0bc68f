// ICS feed of the platform's stages: GET /api/ics on the platform's host (subscribe in any calendar
// app). Route handlers are not rewritten by proxy.ts: the platform comes from the Host header here.
import { findSiteByHost } from '@/lib/core/actor';
import { platformOrigin } from '@/lib/core/origin';
import { guardRoute } from '@/lib/core/route';
import { buildIcs, icsStages } from '@/lib/stages/ics';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return guardRoute('ics', () => feed(req));
}

async function feed(req: Request): Promise<Response> {
  const host = req.headers.get('host') ?? '';
  const site = await findSiteByHost(host);
  if (!site) {
    return new Response('Aucune plateforme de mini-stages à cette adresse.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // The feed is cached publicly: its links use only the platform's normalised host, the request's
  // port and http/https (never the raw Host or X-Forwarded-Proto text).
  const url = platformOrigin({
    siteHost: site.host,
    host,
    forwardedProto: req.headers.get('x-forwarded-proto'),
    fallbackScheme: new URL(req.url).protocol === 'https:' ? 'https' : 'http',
  });
  const body = buildIcs({ siteName: site.name, host: site.host, url, stages: await icsStages(site.id) });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="mini-stages-${site.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
