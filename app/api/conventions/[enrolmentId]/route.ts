// « Conv »: GET /api/conventions/<enrolment>, the convention's PDF (sealed once signed);
// ?document=attestation: the attestation de présence. On a platform's host or the portal: who may read
// it comes from the session (lib/conventions/access.ts), never from the URL.
import { getActor } from '@/lib/core/session';
import { guardRoute, textResponse as text } from '@/lib/core/route';
import { RULES, take } from '@/lib/core/throttle';
import { attendanceCertificate, conventionAccess, conventionFile, requestOrigins } from '@/lib/conventions/queries';

export const dynamic = 'force-dynamic';

const pdf = (bytes: Buffer, filename: string) =>
  new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });

export async function GET(req: Request, ctx: { params: Promise<{ enrolmentId: string }> }): Promise<Response> {
  // The database out of reach or Chromium stopped mid-print → a French 503 (lib/core/route.ts).
  return guardRoute('conventions', async () => respond(req, (await ctx.params).enrolmentId));
}

async function respond(req: Request, enrolmentId: string): Promise<Response> {
  const actor = await getActor();
  if (!actor.user) return text('Connectez-vous pour obtenir la convention.', 401);
  const access = await conventionAccess(actor, enrolmentId);
  if (!access) return text('Convention introuvable, ou réservée au lycée d’accueil, au collège de l’élève et à l’élève.', 404);
  if (!(await take(`conventions:pdf:${actor.user.id}`, RULES.conventionPdfs)))
    return text('Beaucoup de PDF demandés en peu de temps : patientez un moment avant de réessayer.', 429);
  const origins = await requestOrigins(access.siteId);
  if (new URL(req.url).searchParams.get('document') === 'attestation') {
    const a = await attendanceCertificate(access.enrolmentId, origins);
    return pdf(a.pdf, `attestation-${a.number}.pdf`);
  }
  const file = await conventionFile(access.enrolmentId, origins);
  if ('missing' in file) {
    if (access.side === 'élève')
      return text(`La convention n’est pas encore prête : il manque ${file.missing.map((m) => m.what.toLowerCase()).join(' ; ')}. Votre collège la complète.`, 409);
    // The convention's page on this host: a platform's (its staff, and the collège's members there) or the portal's.
    const page = actor.site ? `/conventions/${access.enrolmentId}` : `/etablissement/conventions/${access.enrolmentId}`;
    // A relative Location: the browser stays on the host it asked (req.url carries the server's own).
    return new Response(null, { status: 303, headers: { Location: page, 'Cache-Control': 'no-store' } });
  }
  return pdf(file.pdf, `convention-${file.number}.pdf`);
}
