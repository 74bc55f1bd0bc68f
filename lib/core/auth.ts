// next-auth configuration: Credentials provider, JWT sessions, Prisma adapter (shared tables).
// Cookies are per host; NEXTAUTH_URL stays unset and AUTH_TRUST_HOST=true so each platform host
// builds its own URLs (see docs/REGLES.md « Connexion et sessions sur plusieurs domaines »).
import type { NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import CredentialsProvider from 'next-auth/providers/credentials';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { z } from 'zod';
import { prisma } from './db.ts';
import { checkCredentials } from './credentials.ts';
import { ipFromHeaders } from './client-ip.ts';
import * as clock from './clock.ts';
import { normalizeHost } from './tenant.ts';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  remember: z.enum(['true', 'false']).optional(),
});

import { LONG_SESSION, SHORT_SESSION } from './session-token.ts';
import { errorSummary } from './errors.ts';

type SessionToken = { [claim: string]: unknown; uid?: unknown; sv?: unknown; remember?: unknown; loginAt?: unknown };

/** The JWT cookie lives 30 days; without « Maintenir ma connexion » it is honoured 12 h only. */
function isHonoured(token: SessionToken): boolean {
  return !!token.remember || clock.nowMs() / 1000 - Number(token.loginAt ?? 0) <= SHORT_SESSION;
}

/**
 * Signing out ends the token itself, not only the browser's cookie: the account's sessionVersion
 * moves on, so a copy of the cookie (shared computer) is refused by lib/core/actor.ts — and so are
 * the person's other sessions, which share that version. Only a token still honoured does this
 * (conditional update): signing out with one already refused changes nothing.
 */
async function endSession(token: SessionToken | null | undefined): Promise<void> {
  if (!token || typeof token.uid !== 'string' || typeof token.sv !== 'number' || !isHonoured(token)) return;
  await prisma.user.updateMany({ where: { id: token.uid, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
}

function firstHeader(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return Array.isArray(v) ? v[0] : v;
}

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  return ipFromHeaders(headers?.['x-forwarded-for'], headers?.['x-real-ip']);
}

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma as never) as Adapter,
  session: { strategy: 'jwt', maxAge: LONG_SESSION },
  pages: { signIn: '/connexion' },
  providers: [
    CredentialsProvider({
      name: 'Identifiants',
      credentials: {
        email: { label: 'Votre adresse Email', type: 'text' },
        password: { label: 'Votre mot de passe', type: 'password' },
        remember: { label: 'Maintenir ma connexion', type: 'text' },
      },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new Error('INVALID');
        let result: Awaited<ReturnType<typeof checkCredentials>>;
        try {
          result = await checkCredentials({
            login: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(req?.headers as Record<string, string> | undefined),
          });
        } catch (err) {
          // next-auth sends the thrown message to the browser: a short code, the details stay in the log.
          console.error('[auth] credentials check failed', errorSummary(err));
          throw new Error('UNAVAILABLE', { cause: err }); // the cause stays on the server
        }
        if (!result.ok) throw new Error(result.reason); // the sign-in page maps it to French
        // The token opens a session on the host that took the password only (lib/core/session.ts).
        const host = normalizeHost(firstHeader(req?.headers, 'host'));
        return { ...result.user, remember: parsed.data.remember === 'true', host } as never;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; sessionVersion: number; remember?: boolean; login: string; host: string | null };
        token.uid = u.id;
        token.sv = u.sessionVersion;
        token.login = u.login;
        token.remember = !!u.remember;
        token.loginAt = Math.floor(clock.nowMs() / 1000);
        token.host = u.host;
      }
      return token;
    },
    session({ session, token }) {
      const honoured = isHonoured(token);
      // remember / loginAt: what the portal hands on to a platform (lib/core/sso.ts), so that
      // « Maintenir ma connexion » means the same on every host.
      return Object.assign(session, {
        uid: honoured ? token.uid : undefined,
        sv: token.sv,
        remember: !!token.remember,
        loginAt: Number(token.loginAt ?? 0),
        host: typeof token.host === 'string' ? token.host : null,
      });
    },
  },
  events: {
    // POST /api/auth/signout (next-auth's signOut(), after its CSRF check) with the decoded JWT.
    // A failure is logged by next-auth (SIGNOUT_ERROR) and the cookie is cleared all the same.
    signOut: ({ token }) => endSession(token),
  },
  logger: {
    error(code, metadata) {
      // CredentialsSignin failures are expected: never log passwords or stack traces for them.
      if (code === 'CREDENTIALS_SIGNIN_ERROR' || code === 'CLIENT_FETCH_ERROR') return;
      console.error('[auth]', code, metadata instanceof Error ? metadata.message : '');
    },
    warn() {},
    debug() {},
  },
};
