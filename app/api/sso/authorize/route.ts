// The portal's side of the one sign-in (lib/core/sso-flow.ts): a platform sends the browser here;
// back it goes with a one-time code when the portal has a session, without one otherwise, or first
// through the portal's sign-in form (prompt=login). Only the portal answers; only known platforms
// are sent anywhere.
import { headers } from 'next/headers';
import { env } from '@/lib/core/env';
import { parseHost } from '@/lib/core/tenant';
import { authorize } from '@/lib/core/sso';
import { HANDSHAKE_HEADERS, handshakePage } from '@/lib/core/sso-flow';
import { currentPortalSession, originOfHost } from '@/lib/core/session';
import { guardRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return guardRoute(
    'sso',
    () => authorizeHere(req),
    (body, status) => handshakePage(status, body),
  );
}

async function authorizeHere(req: Request): Promise<Response> {
  if (parseHost((await headers()).get('host'), env.rootDomain)?.kind !== 'root') return handshakePage(404, 'Cette adresse n’existe que sur le portail ministage.');
  const q = new URL(req.url).searchParams;
  const outcome = await authorize({
    host: q.get('host'),
    state: q.get('state'),
    returnTo: q.get('return'),
    prompt: q.get('prompt'),
    session: await currentPortalSession(),
    originOf: originOfHost,
  });
  if (outcome.kind === 'bad-request') return handshakePage(400, 'Ce lien de connexion est incomplet. Revenez sur la plateforme du lycée et recommencez.');
  if (outcome.kind === 'throttled')
    return handshakePage(429, 'Beaucoup de connexions en peu de temps : patientez quelques minutes, puis rechargez la page de la plateforme.');
  if (outcome.kind === 'unknown-platform') return handshakePage(404, 'Cette plateforme n’existe pas sur ministage. Vérifiez l’adresse de la plateforme du lycée.');
  return new Response(null, { status: 303, headers: { ...HANDSHAKE_HEADERS, Location: outcome.location } });
}
