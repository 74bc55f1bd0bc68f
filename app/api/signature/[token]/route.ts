// The exact PDF a signature link's signer signs (the version as sent): GET /api/signature/<token>
// on the platform's host. Reading only: the link stays usable (mail scanners follow links).
import { getActor } from '@/lib/core/session';
import { signaturePdf } from '@/lib/conventions/queries';
import { guardRoute, textResponse } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  return guardRoute('signature', async () => signedPdf((await ctx.params).token));
}

async function signedPdf(token: string): Promise<Response> {
  const actor = await getActor();
  const file = actor.site ? await signaturePdf(token, actor.site.id) : null;
  if (!file) return textResponse('Ce lien de signature n’est plus valable : utilisez le dernier lien reçu par email.', 404);
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="convention-${file.number}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
