// Signing out ends the session token itself, not only the browser's cookie: a copy of the cookie
// (shared school computer, stolen cookie) is refused afterwards (User.sessionVersion, lib/core/actor.ts).
// Driven through next-auth's own handler, as the browser does: GET csrf, POST callback/credentials,
// POST signout (next-auth's client signOut() and a plain POST to /api/auth/signout both end there).
// ESM-only, and unused by Credentials + JWT sessions.
jest.mock('@auth/prisma-adapter', () => ({ PrismaAdapter: () => ({}) }));

import NextAuth, { getServerSession } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { useTestDb } from '../helpers/db';
import { freshIp } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { authOptions } from '@/lib/core/auth';
import { loadActor } from '@/lib/core/actor';
import * as clock from '@/lib/core/clock';

process.env.AUTH_TRUST_HOST = 'true';
const db = useTestDb();
const handler = NextAuth(authOptions) as unknown as (req: unknown, res: unknown) => Promise<void>;

type Jar = Record<string, string>;
type Answer = { status: number; body: unknown; cookies: Jar; location?: string };

/** One call to next-auth's API handler (pages-style req/res), cookies kept in `jar`. */
async function call(jar: Jar, method: 'GET' | 'POST', action: string[], body?: Record<string, string>, ip = freshIp()): Promise<Answer> {
  const headers: Record<string, string> = { host: 'localhost:3000', 'x-forwarded-proto': 'http', 'x-forwarded-for': ip };
  const out: Answer = { status: 200, body: undefined, cookies: {} };
  const set: Record<string, string | string[]> = {};
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    getHeader: (name: string) => set[name.toLowerCase()],
    setHeader(name: string, value: string | string[]) {
      set[name.toLowerCase()] = value;
      if (name.toLowerCase() === 'location') out.location = String(value);
      return res;
    },
    json(b: unknown) {
      out.body = b;
      return res;
    },
    send(b: unknown) {
      out.body = b;
      return res;
    },
    end() {
      return res;
    },
  };
  await handler({ method, query: { nextauth: action }, body: body ? { ...body, json: 'true' } : undefined, cookies: { ...jar }, headers }, res);
  for (const c of [set['set-cookie'] ?? []].flat()) {
    const [pair, ...attrs] = c.split(';');
    const name = pair.slice(0, pair.indexOf('='));
    const value = decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
    const expired = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
    out.cookies[name] = expired ? '' : value;
    if (expired) delete jar[name];
    else jar[name] = value;
  }
  return out;
}

async function csrf(jar: Jar): Promise<string> {
  return ((await call(jar, 'GET', ['csrf'])).body as { csrfToken: string }).csrfToken;
}

async function signIn(login: string, remember = false): Promise<Jar> {
  const jar: Jar = {};
  const res = await call(jar, 'POST', ['callback', 'credentials'], { email: login, password: PASSWORD, remember: String(remember), csrfToken: await csrf(jar) });
  expect(res.body).toEqual({ url: expect.not.stringContaining('error') });
  return jar;
}

const sessionCookie = (jar: Jar) => Object.entries(jar).find(([name]) => name.endsWith('next-auth.session-token'))?.[1];

/** What lib/core/session.ts would make of this cookie: the session's uid and sv, then the actor. */
async function actorOf(cookie: string) {
  const session = (await getServerSession(
    { headers: { host: 'localhost:3000', 'x-forwarded-proto': 'http' }, cookies: { 'next-auth.session-token': cookie } } as never,
    { getHeader() {}, setCookie() {}, setHeader() {} } as never,
    authOptions,
  )) as { uid?: string; sv?: number } | null;
  return loadActor({ userId: session?.uid ?? null, sessionVersion: session?.sv ?? 0, host: 'localhost' });
}

async function signOut(jar: Jar) {
  const res = await call(jar, 'POST', ['signout'], { csrfToken: await csrf(jar), callbackUrl: '/' });
  expect(res.body).toEqual({ url: expect.stringMatching(/\/$/) });
  expect(sessionCookie(jar)).toBeUndefined(); // the browser's cookie is cleared…
}

describe('signing out', () => {
  it('refuses a copy of the session token made before signing out (12 h session)', async () => {
    const user = await makeUser(db().prisma, { login: 'poste.partage@ac-rennes.fr' });
    const jar = await signIn(user.login);
    const copied = sessionCookie(jar)!;
    expect((await actorOf(copied)).user?.id).toBe(user.id);
    const token = await decode({ token: copied, secret: process.env.NEXTAUTH_SECRET! });
    expect(token?.sv).toBe(0);

    await signOut(jar);

    // …and the copy, still a validly signed JWT, no longer names anybody.
    expect((await actorOf(copied)).user).toBeNull();
    expect((await loadActor({ userId: user.id, sessionVersion: token!.sv as number, host: 'localhost' })).user).toBeNull();
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it('refuses it as well with « Maintenir ma connexion » (30-day token)', async () => {
    const user = await makeUser(db().prisma, { login: 'maintenir@ac-rennes.fr' });
    const jar = await signIn(user.login, true);
    const copied = sessionCookie(jar)!;
    await signOut(jar);
    expect((await actorOf(copied)).user).toBeNull();
  });

  it('lets the person sign in again afterwards, with a token that works', async () => {
    const user = await makeUser(db().prisma, { login: 'revient@ac-rennes.fr' });
    await signOut(await signIn(user.login));
    const again = sessionCookie(await signIn(user.login))!;
    expect((await actorOf(again)).user?.id).toBe(user.id);
  });

  it('does not touch the account when the token signing out was already refused (older version, 12 h elapsed)', async () => {
    const user = await makeUser(db().prisma, { login: 'perime@ac-rennes.fr' });
    const stale = await signIn(user.login);
    await db().prisma.user.update({ where: { id: user.id }, data: { sessionVersion: 5 } }); // e.g. a password reset
    await signOut(stale);
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(5);

    await db().prisma.user.update({ where: { id: user.id }, data: { sessionVersion: 0 } });
    const old = await signIn(user.login);
    clock.setNow(new Date(clock.nowMs() + 13 * 60 * 60 * 1000));
    try {
      await signOut(old);
    } finally {
      clock.setNow(null);
    }
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });
});
