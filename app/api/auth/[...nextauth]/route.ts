import NextAuth from 'next-auth';
import { authOptions } from '@/lib/core/auth';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: { params: Promise<{ nextauth?: string[] }> }) => Promise<Response>;

/** next-auth's actions (/api/auth/<action>/…); any other path answered a 500 « server configuration ». */
const ACTIONS = new Set(['providers', 'session', 'csrf', 'signin', 'signout', 'callback', 'verify-request', 'error', '_log']);

const refused = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * next-auth throws on some hand-made requests (a `callbackUrl` that is no URL: ERR_INVALID_URL, a 500,
 * found by fuzzing), or answers them with a 500; such a request gets a 400 instead. Anything else next-auth answers is unchanged.
 */
async function handler(req: Request, ctx: { params: Promise<{ nextauth?: string[] }> }): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (!nextauth?.length || !ACTIONS.has(nextauth[0])) return refused(404, 'Cette adresse de connexion n’existe pas.');
  try {
    const res = await nextAuth(req, ctx);
    if (res.status < 500) return res;
    // next-auth answers some misuses with a 500 (GET /api/auth/callback/credentials: « not supported »); its own log says which.
    console.warn(`[auth] ${req.method} ${nextauth[0]} refused by next-auth (${res.status})`);
    return refused(400, 'Cette demande de connexion est mal formée. Revenez à la page de connexion et recommencez.');
  } catch (err) {
    if ((err as { digest?: unknown })?.digest) throw err; // Next's own redirect / not-found signals
    console.warn('[auth] request refused:', err instanceof Error ? err.name : typeof err);
    return refused(400, 'Cette demande de connexion est mal formée. Revenez à la page de connexion et recommencez.');
  }
}
export { handler as GET, handler as POST };
