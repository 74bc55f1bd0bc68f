// One sign-in across platforms (lib/core/sso.ts): the portal's authorize decision and the platform's
// callback, on the real database — every refusal the issue lists, and the happy path.
import { decode } from 'next-auth/jwt';
import { useTestDb } from '../helpers/db';
import { seedReference } from '../factories/accounts';
import { makeUser } from '../factories/people';
import { makeSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { authorize, callback, redeemSignInCode, issueSignInCode, SIGN_IN_CODE_TTL_MS, type PortalSession } from '@/lib/core/sso';
import { platformSessionToken, SHORT_SESSION, LONG_SESSION } from '@/lib/core/session-token';
import { newVerifier, shouldHandshake, stateOf, withSkip } from '@/lib/core/sso-flow';

/** A fresh state as a platform makes it (the SHA-256 of a verifier kept in the browser's cookie). */
const newState = () => stateOf(newVerifier());

const db = useTestDb();
const NOW = new Date('2026-12-07T09:00:00+01:00');
const originOf = (host: string) => `http://${host}:3000`;
let session: PortalSession;
let login: string;

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  await makeSite(prisma, { slug: 'alpha', uai: '0350001A' });
  const beta = await makeSite(prisma, { slug: 'beta', uai: '0350002B' });
  await prisma.siteDomain.create({ data: { siteId: beta.site.id, host: 'lycee-beta.example' } });
  const closed = await makeSite(prisma, { slug: 'ferme', uai: '0350003C' });
  await prisma.site.update({ where: { id: closed.site.id }, data: { active: false } });
  const user = await makeUser(prisma, { email: 'claire.martin@ac-rennes.fr' });
  login = user.login;
  session = { userId: user.id, sessionVersion: user.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) - 60 };
});

beforeEach(() => setNow(NOW, { frozen: true }));
afterAll(() => setNow(null));

const codeOf = (location: string) => new URL(location).searchParams.get('code');

async function issuedFor(host: string, verifier = newVerifier()) {
  const state = stateOf(verifier);
  const o = await authorize({ host, state, returnTo: '/stages/x?mois=2026-12', prompt: null, session, originOf });
  if (o.kind !== 'redirect') throw new Error(o.kind);
  return { state, verifier, location: o.location, code: codeOf(o.location) };
}

describe('the portal: authorize', () => {
  it('sends a signed-in person back to the platform with a code bound to its host, never the session', async () => {
    const { location, code, state } = await issuedFor('alpha.localhost');
    const url = new URL(location);
    expect(url.origin).toBe('http://alpha.localhost:3000');
    expect(url.pathname).toBe('/api/sso/callback');
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('return')).toBe('/stages/x?mois=2026-12');
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().prisma.signInCode.findFirst({ orderBy: { createdAt: 'desc' } });
    expect(row?.codeHash).not.toBe(code); // only the hash is stored
    expect(row?.host).toBe('alpha.localhost');
    expect(row!.expiresAt.getTime() - NOW.getTime()).toBeLessThan(60_000);
  });

  it('works for a custom domain the operator created', async () => {
    const { location } = await issuedFor('lycee-beta.example');
    expect(new URL(location).host).toBe('lycee-beta.example:3000');
  });

  it('sends nobody to a host that is not a platform: unknown, closed, the portal itself, an outside site', async () => {
    for (const host of ['inconnu.localhost', 'ferme.localhost', 'localhost', 'evil.example', 'a.b.localhost'])
      expect(await authorize({ host, state: newState(), returnTo: '/', prompt: null, session, originOf })).toEqual({ kind: 'unknown-platform' });
    const before = await db().prisma.signInCode.count();
    await authorize({ host: 'evil.example', state: newState(), returnTo: '/', prompt: null, session, originOf });
    expect(await db().prisma.signInCode.count()).toBe(before);
  });

  it('refuses a malformed state or host', async () => {
    expect(await authorize({ host: 'alpha.localhost', state: 'court', returnTo: '/', prompt: null, session, originOf })).toEqual({ kind: 'bad-request' });
    expect(await authorize({ host: null, state: newState(), returnTo: '/', prompt: null, session, originOf })).toEqual({ kind: 'bad-request' });
  });

  it('keeps the return path on the platform: an absolute or protocol-relative URL becomes /', async () => {
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example']) {
      const o = await authorize({ host: 'alpha.localhost', state: newState(), returnTo, prompt: null, session: null, originOf });
      expect(o.kind === 'redirect' && new URL(o.location).searchParams.get('return')).toMatch(/^\/(?![/\\])/);
      expect(o.kind === 'redirect' && new URL(o.location).host).toBe('alpha.localhost:3000');
    }
  });

  it('a signed-out portal: back without a code (no visible detour), or through the sign-in form when asked', async () => {
    const state = newState();
    const none = await authorize({ host: 'alpha.localhost', state, returnTo: '/liste', prompt: null, session: null, originOf });
    expect(none.kind === 'redirect' && new URL(none.location).searchParams.has('code')).toBe(false);
    const login = await authorize({ host: 'alpha.localhost', state, returnTo: '/liste', prompt: 'login', session: null, originOf });
    expect(login.kind).toBe('redirect');
    const location = login.kind === 'redirect' ? login.location : '';
    expect(location.startsWith('/connexion?callbackUrl=')).toBe(true);
    const again = decodeURIComponent(location.split('callbackUrl=')[1]);
    expect(again).toBe(`/api/sso/authorize?host=alpha.localhost&state=${state}&return=%2Fliste&prompt=login`);
  });
});

describe('the platform: callback', () => {
  it('redeems a good code once: the session of the same person, version and « Maintenir ma connexion », bound to this host', async () => {
    const { state, verifier, code } = await issuedFor('alpha.localhost');
    const ok = await callback({ host: 'alpha.localhost:3000', state, code, returnTo: '/stages/x', verifier });
    expect(ok).toEqual({ location: '/stages/x', refusal: null, ours: true, session: { ...session, login, host: 'alpha.localhost' } });
    const replay = await callback({ host: 'alpha.localhost', state, code, returnTo: '/stages/x', verifier });
    expect(replay).toMatchObject({ session: null, refusal: 'used' });
  });

  it('refuses a code on another host — and the code is burnt by that try', async () => {
    const { state, verifier, code } = await issuedFor('alpha.localhost');
    expect(await callback({ host: 'beta.localhost', state, code, returnTo: '/', verifier })).toMatchObject({ session: null, refusal: 'wrong-host' });
    expect(await callback({ host: 'alpha.localhost', state, code, returnTo: '/', verifier })).toMatchObject({ session: null, refusal: 'used' });
  });

  it('refuses a code without this browser’s verifier (login CSRF, a callback URL read in a log) — and burns it', async () => {
    const { state, code } = await issuedFor('alpha.localhost');
    // The state itself as the cookie (whoever read the URL): not the verifier.
    expect(await callback({ host: 'alpha.localhost', state, code, returnTo: '/', verifier: state })).toMatchObject({
      session: null,
      refusal: 'state-mismatch',
      ours: false,
    });
    expect(await redeemSignInCode(code!, 'alpha.localhost', state)).toEqual({ ok: false, reason: 'used' });
    // No cookie at all (a link from another site): no session, the code burnt, « checked » not for this browser.
    const again = await issuedFor('alpha.localhost');
    expect(await callback({ host: 'alpha.localhost', state: again.state, code: again.code, returnTo: '/', verifier: null })).toMatchObject({
      session: null,
      ours: false,
    });
    expect(await redeemSignInCode(again.code!, 'alpha.localhost', again.state)).toEqual({ ok: false, reason: 'used' });
  });

  it('burns a code that arrives with a missing or malformed state', async () => {
    for (const bad of [null, '', 'x']) {
      const { state, verifier, code } = await issuedFor('alpha.localhost');
      expect(await callback({ host: 'alpha.localhost', state: bad, code, returnTo: '/', verifier })).toMatchObject({ session: null });
      expect(await redeemSignInCode(code!, 'alpha.localhost', state)).toEqual({ ok: false, reason: 'used' });
      void verifier;
    }
  });

  it('refuses a code with another state than the one it was issued for, and burns it', async () => {
    const { state, code } = await issuedFor('alpha.localhost');
    const otherVerifier = newVerifier();
    expect(await callback({ host: 'alpha.localhost', state: stateOf(otherVerifier), code, returnTo: '/', verifier: otherVerifier })).toMatchObject({
      refusal: 'wrong-state',
    });
    expect(await redeemSignInCode(code!, 'alpha.localhost', state)).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses an expired code (valid under a minute)', async () => {
    const { state, verifier, code } = await issuedFor('alpha.localhost');
    setNow(new Date(NOW.getTime() + SIGN_IN_CODE_TTL_MS + 1), { frozen: true });
    expect(await callback({ host: 'alpha.localhost', state, code, returnTo: '/', verifier })).toMatchObject({ session: null, refusal: 'expired' });
  });

  it('refuses an unknown or malformed code, and a code on a host that is no platform', async () => {
    const verifier = newVerifier();
    const state = stateOf(verifier);
    expect(await callback({ host: 'alpha.localhost', state, code: 'x'.repeat(43), returnTo: '/', verifier })).toMatchObject({ refusal: 'unknown' });
    expect(await callback({ host: 'alpha.localhost', state, code: "' OR 1=1 --", returnTo: '/', verifier })).toMatchObject({ refusal: 'unknown' });
    const { code } = await issuedFor('alpha.localhost', verifier);
    expect(await callback({ host: 'evil.example', state, code, returnTo: '/', verifier })).toMatchObject({ refusal: 'unknown-platform', location: '/' });
  });

  it('refuses a code issued before the person signed out everywhere', async () => {
    const { state, verifier, code } = await issuedFor('alpha.localhost');
    await db().prisma.user.update({ where: { id: session.userId }, data: { sessionVersion: { increment: 1 } } });
    try {
      expect(await callback({ host: 'alpha.localhost', state, code, returnTo: '/', verifier })).toMatchObject({ session: null, refusal: 'account' });
    } finally {
      await db().prisma.user.update({ where: { id: session.userId }, data: { sessionVersion: session.sessionVersion } });
    }
  });

  it('without a code (signed-out portal) comes back anonymous; without the state cookie it stops asking', async () => {
    const verifier = newVerifier();
    const state = stateOf(verifier);
    expect(await callback({ host: 'alpha.localhost', state, code: null, returnTo: '/liste', verifier })).toEqual({
      location: '/liste',
      session: null,
      ours: true,
      refusal: null,
    });
    expect(await callback({ host: 'alpha.localhost', state, code: null, returnTo: '/liste', verifier: null })).toMatchObject({
      location: withSkip('/liste'),
      session: null,
      ours: false,
    });
  });
});

describe('the platform session', () => {
  it('keeps « Maintenir ma connexion »: 30 days when asked, else what is left of the 12 hours', async () => {
    const loginAt = Math.floor(NOW.getTime() / 1000) - 3600;
    const short = await platformSessionToken({ ...session, loginAt, remember: false, login, host: 'alpha.localhost' });
    expect(short.maxAge).toBe(SHORT_SESSION - 3600);
    const long = await platformSessionToken({ ...session, loginAt, remember: true, login, host: 'alpha.localhost' });
    expect(long.maxAge).toBe(LONG_SESSION);
    const claims = await decode({ token: long.value, secret: process.env.NEXTAUTH_SECRET! });
    expect(claims).toMatchObject({ uid: session.userId, sv: session.sessionVersion, remember: true, loginAt, login, host: 'alpha.localhost' });
  });

  it('a code issued directly can be redeemed once only, by its own host and state', async () => {
    const state = newState();
    const code = await issueSignInCode(session, 'lycee-beta.example', state);
    expect((await redeemSignInCode(code, 'LYCEE-BETA.example:443', state)).ok).toBe(true);
    expect(await redeemSignInCode(code, 'lycee-beta.example', state)).toEqual({ ok: false, reason: 'used' });
  });
});

describe('when the proxy starts a handshake', () => {
  const nav = (over: Partial<{ method: string; pathname: string; search: string; cookieNames: string[]; headers: Record<string, string> }> = {}) => {
    const h = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', ...(over.headers ?? {}) };
    return {
      method: over.method ?? 'GET',
      pathname: over.pathname ?? '/calendrier',
      search: over.search ?? '',
      cookieNames: over.cookieNames ?? [],
      headers: { get: (n: string) => (h as Record<string, string>)[n] ?? null },
    };
  };
  it('on a page load with no session and no recent check only', () => {
    expect(shouldHandshake(nav())).toBe(true);
    expect(shouldHandshake(nav({ cookieNames: ['next-auth.session-token'] }))).toBe(false);
    expect(shouldHandshake(nav({ cookieNames: ['__Secure-next-auth.session-token.0'] }))).toBe(false);
    expect(shouldHandshake(nav({ cookieNames: ['ms_sso_checked'] }))).toBe(false);
    expect(shouldHandshake(nav({ search: '?ms_sso=0' }))).toBe(false);
    expect(shouldHandshake(nav({ method: 'POST' }))).toBe(false);
    expect(shouldHandshake(nav({ headers: { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' } }))).toBe(false);
    expect(shouldHandshake(nav({ headers: { rsc: '1' } }))).toBe(false);
    expect(shouldHandshake(nav({ headers: { 'sec-purpose': 'prefetch' } }))).toBe(false);
    expect(shouldHandshake({ ...nav(), headers: { get: () => null } })).toBe(false); // a client that says nothing (curl, a bot)
    // No Fetch Metadata over plain http: a request for HTML is a page load, a fetch is not.
    const plain = (h: Record<string, string>) => ({ ...nav(), headers: { get: (n: string) => h[n] ?? null } });
    expect(shouldHandshake(plain({ accept: 'text/html,application/xhtml+xml' }))).toBe(true);
    expect(shouldHandshake(plain({ accept: 'text/html', rsc: '1' }))).toBe(false);
    expect(shouldHandshake(plain({ accept: '*/*' }))).toBe(false);
  });
  it('never for a link that carries its own secret', () => {
    for (const pathname of ['/signature/abc', '/activation/abc', '/invitation-plateforme/abc']) expect(shouldHandshake(nav({ pathname }))).toBe(false);
  });
});
