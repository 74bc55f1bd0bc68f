// Security review of the one sign-in handshake (lib/core/sso*.ts, app/api/sso/*, proxy.ts) and of the
// actor / establishment switch it relies on. The three route handlers, next-auth's getServerSession
// and lib/core/session.ts run for real: only Next's request context (next/headers) is replaced by a
// small browser simulation (one cookie jar per host, Max-Age honoured on the app's clock).
//
// The first block holds the review's findings, now fixed (lib/core/sso*.ts, session*.ts, actor.ts, auth.ts,
// proxy.ts, next.config.mjs): each test states the property that holds and fails if the hole comes back.
// The others document a property that held already.
jest.mock('@auth/prisma-adapter', () => ({ PrismaAdapter: () => ({}) }));
jest.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));

type MockCtx = { headers: Headers; cookies: Map<string, string> };
const mockCtx: MockCtx = { headers: new Headers(), cookies: new Map() };
jest.mock('next/headers', () => ({
  headers: async () => mockCtx.headers,
  cookies: async () => ({
    getAll: () => [...mockCtx.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => (mockCtx.cookies.has(name) ? { name, value: mockCtx.cookies.get(name)! } : undefined),
    has: (name: string) => mockCtx.cookies.has(name),
  }),
}));

import { buildCustomRoute } from 'next/dist/lib/build-custom-route';
import type { NextConfig } from 'next';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { useTestDb } from '../helpers/db';
import { makeOperator, seedReference } from '../factories/accounts';
import { makeEstablishment, makeUser } from '../factories/people';
import { makeSite } from '../factories/sites';
import * as clock from '@/lib/core/clock';
import { setNow } from '@/lib/core/clock';
import { authorize, callback, issueSignInCode, redeemSignInCode, type PortalSession } from '@/lib/core/sso';
import { NAVIGATION_HEADER, newVerifier, returnPath, shouldHandshake, stateCookieName, stateOf } from '@/lib/core/sso-flow';
import { safeCallbackUrl } from '@/lib/core/origin';
import { staticSecurityHeaders } from '@/lib/core/security-headers';
import { getActor, currentPortalSession, sessionRestart } from '@/lib/core/session';
import { loadActor } from '@/lib/core/actor';
import { chooseEstablishment } from '@/lib/team/acting';
import { chooseEstablishmentAction } from '@/lib/team/actions';
import { proxy } from '@/proxy';
import * as startRoute from '@/app/api/sso/start/route';
import * as authorizeRoute from '@/app/api/sso/authorize/route';
import * as callbackRoute from '@/app/api/sso/callback/route';

process.env.AUTH_TRUST_HOST = 'true';
delete process.env.NEXTAUTH_URL;

const db = useTestDb();
const NOW = new Date('2026-12-07T09:00:00+01:00');
const PORT = 3000;
const PORTAL = 'localhost';
const CUSTOM = 'lycee-beta.example';

/** A fresh state as a platform makes it (the SHA-256 of a verifier kept in the browser's cookie). */
const newState = () => stateOf(newVerifier());
/** The state a handshake's start sent round the portal (read from its Location). */
const stateIn = (location: string) => new URL(location).searchParams.get('state')!;
const isStateCookie = (name: string) => name.startsWith('ms_sso_state');

// ───────────────────────────── a tiny browser ─────────────────────────────

type Cookie = { value: string; expiresAt: number | null };
/** One browser: a cookie jar per host (host-only cookies, as the app sets them). */
class Browser {
  jars = new Map<string, Map<string, Cookie>>();
  jar(host: string) {
    if (!this.jars.has(host)) this.jars.set(host, new Map());
    return this.jars.get(host)!;
  }
  /** The cookies this browser sends to `host` now (expired ones dropped). */
  cookies(host: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, c] of this.jar(host)) {
      if (c.expiresAt !== null && c.expiresAt <= clock.nowMs()) this.jar(host).delete(name);
      else out.set(name, c.value);
    }
    return out;
  }
  set(host: string, name: string, value: string, maxAgeSeconds: number | null = null) {
    this.jar(host).set(name, { value, expiresAt: maxAgeSeconds === null ? null : clock.nowMs() + maxAgeSeconds * 1000 });
  }
  /** Applies a response's Set-Cookie headers to `host`'s jar; returns them parsed. */
  apply(host: string, res: Response): SetCookie[] {
    const parsed = res.headers.getSetCookie().map(parseSetCookie);
    for (const c of parsed) {
      if (c.maxAge === 0 || c.value === '') this.jar(host).delete(c.name);
      else this.set(host, c.name, c.value, c.maxAge);
    }
    return parsed;
  }
}

type SetCookie = { name: string; value: string; maxAge: number | null; attrs: Record<string, string | true> };
function parseSetCookie(raw: string): SetCookie {
  const [pair, ...rest] = raw.split(';');
  const eq = pair.indexOf('=');
  const attrs: Record<string, string | true> = {};
  for (const a of rest) {
    const [k, ...v] = a.trim().split('=');
    attrs[k.toLowerCase()] = v.length ? v.join('=') : true;
  }
  const maxAge = attrs['max-age'] !== undefined ? Number(attrs['max-age']) : null;
  return { name: pair.slice(0, eq).trim(), value: decodeURIComponent(pair.slice(eq + 1).trim()), maxAge, attrs };
}

type Route = { GET: (req: NextRequest) => Promise<Response> };
/** One GET from `browser` (or a raw client: `cookies` given) to a route handler, with a Host and X-Forwarded-Proto. */
async function hit(route: Route, url: string, opts: { browser?: Browser; cookies?: Map<string, string>; proto?: string | null; hostHeader?: string } = {}) {
  const u = new URL(url);
  const hostHeader = opts.hostHeader ?? u.host;
  const cookieHost = u.hostname;
  const cookies = opts.cookies ?? opts.browser?.cookies(cookieHost) ?? new Map();
  const h: Record<string, string> = { host: hostHeader, 'x-forwarded-for': '10.9.9.9' };
  const proto = opts.proto === undefined ? u.protocol.replace(':', '') : opts.proto;
  if (proto !== null) h['x-forwarded-proto'] = proto;
  if (cookies.size) h.cookie = [...cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  mockCtx.headers = new Headers(h);
  mockCtx.cookies = cookies;
  const res = await route.GET(new NextRequest(url, { headers: h }));
  const setCookies = opts.browser ? opts.browser.apply(cookieHost, res) : res.headers.getSetCookie().map(parseSetCookie);
  return { res, status: res.status, location: res.headers.get('location'), setCookies };
}

/** What lib/core/session.ts makes of a request to `host` carrying `cookies`. */
async function actorOn(host: string, cookies: Map<string, string>, proto = 'http') {
  mockCtx.headers = new Headers({ host, 'x-forwarded-proto': proto });
  mockCtx.cookies = cookies;
  return getActor();
}

const abs = (location: string, base: string) => new URL(location, base);
const sessionCookieOf = (setCookies: SetCookie[]) => setCookies.find((c) => c.name.endsWith('next-auth.session-token') && c.value);

/** A portal session cookie, as next-auth's credentials sign-in would have set it (bound to the host that took the password). */
async function portalCookie(
  user: { id: string; sessionVersion: number; login: string },
  remember = false,
  loginAt = Math.floor(clock.nowMs() / 1000) - 60,
  host = PORTAL,
) {
  return encode({
    token: { uid: user.id, sv: user.sessionVersion, login: user.login, remember, loginAt, host },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 30 * 86400,
  });
}

/** The whole handshake as the browser runs it: platform start → portal authorize → platform callback. */
async function handshake(b: Browser, platformHost: string, start = '/api/sso/start?return=%2Fliste') {
  const s = await hit(startRoute, `http://${platformHost}:${PORT}${start}`, { browser: b });
  const a = await hit(authorizeRoute, abs(s.location!, `http://${platformHost}:${PORT}`).toString(), { browser: b });
  const cbUrl = abs(a.location!, `http://${PORTAL}:${PORT}`);
  if (cbUrl.hostname !== platformHost) return { s, a, c: null };
  const c = await hit(callbackRoute, cbUrl.toString(), { browser: b });
  return { s, a, c };
}

// ───────────────────────────── data ─────────────────────────────

const ids: Record<string, string> = {};
let teacher: { id: string; sessionVersion: number; login: string };
let operator: { id: string; sessionVersion: number; login: string };

beforeAll(async () => {
  const { prisma } = db();
  setNow(NOW, { frozen: true });
  await seedReference(prisma);
  await makeSite(prisma, { slug: 'alpha', uai: '0350001A' });
  const beta = await makeSite(prisma, { slug: 'beta', uai: '0350002B' });
  await prisma.siteDomain.create({ data: { siteId: beta.site.id, host: CUSTOM } });
  teacher = await makeUser(prisma, { email: 'claire.martin@ac-rennes.fr' });
  operator = await makeOperator(prisma);
  const a = await makeEstablishment(prisma, { uai: '0350033W', name: 'Collège A', registeredAt: new Date('2025-06-01') });
  const b = await makeEstablishment(prisma, { uai: '0352274G', name: 'Collège B', registeredAt: new Date('2025-06-01') });
  const c = await makeEstablishment(prisma, { uai: '0350041E', name: 'Collège C', registeredAt: new Date('2025-06-01') });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  const two = await makeUser(prisma, { login: 'deux.colleges@ac-rennes.fr' });
  ids.two = two.id;
  await prisma.membership.create({ data: { userId: two.id, establishmentId: a.id, role: 'TEACHER', status: 'ACTIVE', createdAt: new Date('2025-09-01') } });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: b.id, role: 'PRINCIPAL', status: 'PENDING', createdAt: new Date('2026-01-01') } });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: c.id, role: 'DEPUTY', status: 'REVOKED', createdAt: new Date('2024-01-01') } });
});

beforeEach(() => setNow(NOW, { frozen: true }));
afterAll(() => setNow(null));

// ═════════════════════════════ the review's findings, fixed ═════════════════════════════

describe('findings (fixed)', () => {
  it('a session made for a custom domain opens nothing on the portal or another host; the operator’s powers are the portal’s only', async () => {
    // The custom domain's DNS is not ministage's: a lapsed domain, or the lycée's own reverse proxy.
    // 1. The visitor (the operator, signed in on the portal) is lured to https://lycee-beta.example/;
    //    the attacker's server there sends them to the portal's authorize with a state of its own verifier.
    const verifier = newVerifier();
    const state = stateOf(verifier);
    const victim = new Browser();
    victim.set(PORTAL, 'next-auth.session-token', await portalCookie(operator));
    const a = await hit(authorizeRoute, `http://${PORTAL}:${PORT}/api/sso/authorize?host=${CUSTOM}&state=${state}&return=%2F`, { browser: victim });
    const codeUrl = new URL(a.location!);
    expect(codeUrl.hostname).toBe(CUSTOM); // the code goes to whoever answers for that name
    // 2. The attacker replays the callback to the real server (Host: the custom domain), with its own verifier cookie.
    const c = await hit(callbackRoute, codeUrl.toString(), { cookies: new Map([[stateCookieName(state), verifier]]) });
    const stolen = sessionCookieOf(c.setCookies);
    expect(stolen).toBeDefined(); // residual by design: whoever answers for the domain holds a session there
    const jar = new Map([[stolen!.name, stolen!.value]]);
    // 3. That cookie opens nothing but lycee-beta.example — and there, no operator.
    const onPortal = await actorOn(`${PORTAL}:${PORT}`, jar);
    const onOtherPlatform = await actorOn(`alpha.localhost:${PORT}`, jar);
    const onOwnSlug = await actorOn(`beta.localhost:${PORT}`, jar);
    const onCustom = await actorOn(CUSTOM, jar);
    expect({
      portal: { user: onPortal.user?.id ?? null, roles: onPortal.roles },
      alpha: onOtherPlatform.user?.id ?? null,
      beta: onOwnSlug.user?.id ?? null,
      custom: { user: onCustom.user?.id ?? null, roles: onCustom.roles },
    }).toEqual({ portal: { user: null, roles: [] }, alpha: null, beta: null, custom: { user: operator.id, roles: [] } });
    // The portal then issues nothing for it either (currentPortalSession reads the same bound actor).
    mockCtx.headers = new Headers({ host: `${PORTAL}:${PORT}`, 'x-forwarded-proto': 'http' });
    mockCtx.cookies = jar;
    expect(await currentPortalSession()).toBeNull();
  });

  it('OPERATOR is a role on the portal only: never on a custom domain or a platform host, so operator server actions run nowhere else', async () => {
    // lib/sites/operator-actions.ts: runAction + assertCan(actor, 'platform:operate'); a POST with a
    // Next-Action header to any page of lycee-beta.example runs with the actor of that host.
    const on = async (host: string) => (await loadActor({ userId: operator.id, sessionVersion: operator.sessionVersion, host })).roles;
    expect({ custom: await on(CUSTOM), slug: await on('beta.localhost'), alpha: await on(`alpha.localhost:${PORT}`) }).toEqual({ custom: [], slug: [], alpha: [] });
    expect(await on(`${PORTAL}:${PORT}`)).toContain('OPERATOR');
    // Through the request path too: the operator's own portal cookie, on the portal.
    expect((await actorOn(`${PORTAL}:${PORT}`, new Map([['next-auth.session-token', await portalCookie(operator)]]))).roles).toContain('OPERATOR');
  });

  it('a code is burnt on arrival whatever follows: a callback without this browser’s verifier, or with another, leaves nothing to redeem — and the state read from the URL is no verifier', async () => {
    const session: PortalSession = { userId: teacher.id, sessionVersion: teacher.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) - 60 };
    // The browser that should have used it arrives without its cookie (expired, cookie-less)…
    const v1 = newVerifier();
    const code1 = await issueSignInCode(session, 'alpha.localhost', stateOf(v1));
    expect(await callback({ host: 'alpha.localhost', state: stateOf(v1), code: code1, returnTo: '/', verifier: null })).toMatchObject({
      session: null,
      ours: false,
      refusal: 'no-state-cookie',
    });
    // …so even the right verifier, afterwards, gets nothing: REGLES « le premier essai le consomme, même refusé ».
    expect(await callback({ host: 'alpha.localhost', state: stateOf(v1), code: code1, returnTo: '/', verifier: v1 })).toMatchObject({ session: null, refusal: 'used' });
    // …or with another tab's verifier.
    const v2 = newVerifier();
    const code2 = await issueSignInCode(session, 'alpha.localhost', stateOf(v2));
    expect(await callback({ host: 'alpha.localhost', state: stateOf(v2), code: code2, returnTo: '/', verifier: newVerifier() })).toMatchObject({
      session: null,
      ours: false,
      refusal: 'state-mismatch',
    });
    expect(await redeemSignInCode(code2, 'alpha.localhost', stateOf(v2))).toEqual({ ok: false, reason: 'used' });
    // Anyone holding a fresh URL (access log, proxy log, history sync) and setting the cookie to the URL's state gets nothing.
    const v3 = newVerifier();
    const state3 = stateOf(v3);
    const code3 = await issueSignInCode(session, 'alpha.localhost', state3);
    const replay = await hit(callbackRoute, `http://alpha.localhost:${PORT}/api/sso/callback?state=${state3}&code=${code3}&return=%2F`, {
      cookies: new Map([[stateCookieName(state3), state3]]),
    });
    expect(sessionCookieOf(replay.setCookies)).toBeUndefined();
    expect(await redeemSignInCode(code3, 'alpha.localhost', state3)).toEqual({ ok: false, reason: 'used' });
  });

  it('« Connexion » on a platform survives a sign-in form of up to 15 minutes (the state cookie lives 15 minutes), and no longer', async () => {
    const run = async (minutes: number) => {
      setNow(NOW, { frozen: true });
      const b = new Browser();
      const s = await hit(startRoute, `http://alpha.localhost:${PORT}/api/sso/start?prompt=login&return=%2Fliste`, { browser: b });
      const st = s.setCookies.find((c) => isStateCookie(c.name))!;
      expect({ name: st.name, maxAge: st.maxAge, state: stateOf(st.value) }).toEqual({
        name: stateCookieName(stateIn(s.location!)),
        maxAge: 15 * 60,
        state: stateIn(s.location!),
      });
      const a = await hit(authorizeRoute, s.location!, { browser: b });
      expect(a.location).toMatch(/^\/connexion\?callbackUrl=/); // the form
      // She looks for her password, then signs in on the portal; the form goes back to authorize.
      setNow(new Date(NOW.getTime() + minutes * 60_000), { frozen: true });
      b.set(PORTAL, 'next-auth.session-token', await portalCookie(teacher));
      const again = decodeURIComponent(a.location!.slice('/connexion?callbackUrl='.length));
      const a2 = await hit(authorizeRoute, `http://${PORTAL}:${PORT}${again}`, { browser: b });
      const c = await hit(callbackRoute, a2.location!, { browser: b });
      return { location: c.location, signedIn: !!sessionCookieOf(c.setCookies) };
    };
    expect(await run(3)).toEqual({ location: '/liste', signedIn: true });
    expect(await run(14)).toEqual({ location: '/liste', signedIn: true });
    expect(await run(16)).toEqual({ location: '/liste?ms_sso=0', signedIn: false });
  });

  it('two tabs of one platform opened at once (session restore) each keep their own state cookie: both come back signed in, auto sign-in stays on', async () => {
    const b = new Browser();
    b.set(PORTAL, 'next-auth.session-token', await portalCookie(teacher));
    const sA = await hit(startRoute, `http://alpha.localhost:${PORT}/api/sso/start?return=%2Fliste`, { browser: b });
    const sB = await hit(startRoute, `http://alpha.localhost:${PORT}/api/sso/start?return=%2Fcalendrier`, { browser: b }); // a second cookie, not an overwrite
    expect([...b.cookies('alpha.localhost').keys()].filter(isStateCookie)).toHaveLength(2);
    const aA = await hit(authorizeRoute, sA.location!, { browser: b });
    const aB = await hit(authorizeRoute, sB.location!, { browser: b });
    const cA = await hit(callbackRoute, aA.location!, { browser: b });
    const cB = await hit(callbackRoute, aB.location!, { browser: b });
    expect({ a: cA.location, aSignedIn: !!sessionCookieOf(cA.setCookies), b: cB.location, bSignedIn: !!sessionCookieOf(cB.setCookies) }).toEqual({
      a: '/liste',
      aSignedIn: true,
      b: '/calendrier',
      bSignedIn: true,
    });
    const jar = b.cookies('alpha.localhost');
    expect([...jar.keys()].some((n) => n.endsWith('next-auth.session-token'))).toBe(true);
    expect([...jar.keys()].filter((n) => isStateCookie(n) || n === 'ms_sso_checked')).toEqual([]);
    expect((await actorOn(`alpha.localhost:${PORT}`, jar)).user?.id).toBe(teacher.id);
  });

  it('« checked » is set by this browser’s own handshake only: a bare GET to the callback from any site (no verifier) turns nothing off', async () => {
    for (const url of [
      `http://alpha.localhost:${PORT}/api/sso/callback?state=${newState()}&return=%2F`,
      `http://alpha.localhost:${PORT}/api/sso/callback?return=%2F`,
      `http://alpha.localhost:${PORT}/api/sso/callback?state=${newState()}&code=${'x'.repeat(43)}&return=%2F`,
    ]) {
      const b = new Browser();
      const c = await hit(callbackRoute, url, { browser: b });
      expect(c.setCookies.find((x) => x.name === 'ms_sso_checked' && x.value === '1')).toBeUndefined();
      expect(b.cookies('alpha.localhost').has('ms_sso_checked')).toBe(false);
    }
    // Its own handshake, with no portal session, does set it (no new detour for 5 minutes).
    const own = await handshake(new Browser(), 'alpha.localhost');
    expect(own.c!.setCookies.find((x) => x.name === 'ms_sso_checked')).toMatchObject({ value: '1', maxAge: 5 * 60 });
  });

  it('the handshake’s responses carry Referrer-Policy: no-referrer (proxy redirect, config headers of /api/sso/*, the headers table)', async () => {
    // proxy.ts: secured() sets the page policy, then HANDSHAKE_HEADERS are re-applied over it.
    const req = new NextRequest(`http://alpha.localhost:${PORT}/calendrier`, {
      headers: { host: `alpha.localhost:${PORT}`, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' },
    });
    const res = proxy(req);
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!, 'http://x').pathname).toBe('/api/sso/start');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Route handlers: next.config.mjs headers() are set on the response first, and Next's sendResponse
    // does not overwrite a header already present (next/dist/server/send-response.js) — config wins.
    const nextConfig = jest.requireActual<{ default: NextConfig }>('@/next.config.mjs').default;
    const routes = (await nextConfig.headers?.()) ?? [];
    const sentFor = (path: string) => {
      const sent: Record<string, string> = {};
      for (const route of routes) {
        const { regex } = buildCustomRoute('header', route) as { regex: string };
        if (new RegExp(regex, 'i').test(path)) for (const h of route.headers) sent[h.key] = h.value;
      }
      return sent['Referrer-Policy'];
    };
    const paths = ['/api/sso/start', '/api/sso/authorize', '/api/sso/callback'];
    expect({
      proxy: res.headers.get('referrer-policy'),
      config: paths.map(sentFor),
      table: paths.map((p) => staticSecurityHeaders(p)['Referrer-Policy']),
    }).toEqual({
      proxy: 'no-referrer',
      config: ['no-referrer', 'no-referrer', 'no-referrer'],
      table: ['no-referrer', 'no-referrer', 'no-referrer'],
    });
  });
});

// ═════════════════════════════ properties that hold ═════════════════════════════

describe('open redirects: return / callbackUrl stay on the platform', () => {
  const tricky = [
    'https://evil.example/x',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '%2F%2Fevil.example',
    '/%2F%2Fevil.example',
    '/%5C%5Cevil.example',
    '\t//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\r\n//evil.example',
    ' //evil.example',
    '///evil.example',
    '/.//evil.example',
    '/x/..//evil.example',
    '/x/../\\evil.example',
    'http:evil.example',
    'https:/\\evil.example',
    'http://ministage.invalid@evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/x\r\nSet-Cookie: a=b',
    '/%0d%0aSet-Cookie:%20a=b',
  ];
  it.each(tricky)('returnPath(%j) is a path of this host', (raw) => {
    const p = returnPath(raw);
    expect(p).toMatch(/^\/(?![/\\])/);
    expect(p).not.toMatch(/[\r\n\t]/);
    expect(new URL(p, 'https://alpha.localhost').origin).toBe('https://alpha.localhost');
    expect(safeCallbackUrl(raw, 'http://localhost:3000')).toMatch(/^\/(?![/\\])/);
  });

  it('through the three routes, the browser only ever goes portal ⇄ the platform named, and ends on a path of it', async () => {
    for (const raw of tricky) {
      const b = new Browser();
      b.set(PORTAL, 'next-auth.session-token', await portalCookie(teacher));
      const { s, a, c } = await handshake(b, 'alpha.localhost', `/api/sso/start?return=${encodeURIComponent(raw)}`);
      expect(abs(s.location!, 'http://alpha.localhost:3000').host).toBe(`${PORTAL}:${PORT}`);
      expect(abs(a.location!, 'http://localhost:3000').host).toBe(`alpha.localhost:${PORT}`);
      expect(c!.location).toMatch(/^\/(?![/\\])/);
      expect(abs(c!.location!, 'http://alpha.localhost:3000').host).toBe(`alpha.localhost:${PORT}`);
    }
  });

  it('authorize sends nobody to a host that only looks like a platform', async () => {
    const session: PortalSession = { userId: teacher.id, sessionVersion: teacher.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) };
    const originOf = (h: string) => `http://${h}:3000`;
    for (const host of [
      'alpha.localhost.evil.example',
      'evil.example#.alpha.localhost',
      'alpha.localhost@evil.example',
      'evil.example/alpha.localhost',
      'alpha.localhost\\@evil.example',
      'evil.example?.alpha.localhost',
      '[::1]',
      'alpha.localhost%2eevil.example',
      `${CUSTOM}.evil.example`,
    ]) {
      const o = await authorize({ host, state: newState(), returnTo: '/', prompt: null, session, originOf });
      expect(o.kind === 'redirect' ? new URL(o.location).hostname : o.kind).not.toMatch(/evil/);
    }
    for (const host of ['ALPHA.localhost', 'www.alpha.localhost', 'alpha.localhost.', 'alpha.localhost:9999']) {
      const o = await authorize({ host, state: newState(), returnTo: '/', prompt: null, session, originOf });
      expect(o.kind === 'redirect' && new URL(o.location).origin).toBe('http://alpha.localhost:3000');
    }
  });

  it('each route answers on its own side only: authorize on the portal, start and callback on a platform', async () => {
    expect((await hit(authorizeRoute, `http://alpha.localhost:${PORT}/api/sso/authorize?host=alpha.localhost&state=${newState()}`)).status).toBe(404);
    expect((await hit(callbackRoute, `http://${PORTAL}:${PORT}/api/sso/callback?state=${newState()}`)).status).toBe(404);
    // start on a host that is no platform (a2d49c3): back to a path of that same host, no state, no portal.
    for (const url of [`http://${PORTAL}:${PORT}/api/sso/start?return=%2F%2Fevil.example`, `http://evil.example/api/sso/start?return=https%3A%2F%2Fevil.example%2F`]) {
      const s = await hit(startRoute, url);
      expect({ status: s.status, location: s.location, cookies: s.setCookies.map((c) => c.name) }).toEqual({ status: 303, location: '/?ms_sso=0', cookies: [] });
    }
  });
});

describe('codes: one use, one host, one browser, one account state', () => {
  const session = (): PortalSession => ({ userId: teacher.id, sessionVersion: teacher.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) - 60 });

  it('a burst of redemptions of one code: exactly one succeeds', async () => {
    const state = newState();
    const code = await issueSignInCode(session(), 'alpha.localhost', state);
    const all = await Promise.all(Array.from({ length: 6 }, () => redeemSignInCode(code, 'alpha.localhost', state)));
    expect(all.filter((r) => r.ok)).toHaveLength(1);
  });

  it('a code for alpha is refused on beta and on its custom domain, and is burnt by that try', async () => {
    const state = newState();
    const code = await issueSignInCode(session(), 'alpha.localhost', state);
    expect(await redeemSignInCode(code, CUSTOM, state)).toEqual({ ok: false, reason: 'wrong-host' });
    expect(await redeemSignInCode(code, 'alpha.localhost', state)).toEqual({ ok: false, reason: 'used' });
  });

  it('login CSRF: the attacker’s own code pushed into a victim’s browser mints nothing (the victim’s state cookie is not the attacker’s)', async () => {
    const attacker = await makeUser(db().prisma, { email: 'attaquant@ac-rennes.fr' });
    const aState = newState();
    const code = await issueSignInCode({ ...session(), userId: attacker.id, sessionVersion: attacker.sessionVersion }, 'alpha.localhost', aState);
    const victim = new Browser();
    await hit(startRoute, `http://alpha.localhost:${PORT}/api/sso/start?return=%2F`, { browser: victim }); // the victim has a state of her own
    const c = await hit(callbackRoute, `http://alpha.localhost:${PORT}/api/sso/callback?state=${aState}&code=${code}&return=%2F`, { browser: victim });
    expect(sessionCookieOf(c.setCookies)).toBeUndefined();
    const c2 = await hit(callbackRoute, `http://alpha.localhost:${PORT}/api/sso/callback?state=${aState}&code=${code}&return=%2F`, { browser: new Browser() });
    expect(sessionCookieOf(c2.setCookies)).toBeUndefined();
  });

  it('a disabled account: no code from the portal, and a code issued before is refused', async () => {
    const { prisma } = db();
    const u = await makeUser(prisma, { email: 'bientot.desactive@ac-rennes.fr' });
    const state = newState();
    const code = await issueSignInCode(
      { userId: u.id, sessionVersion: u.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) },
      'alpha.localhost',
      state,
    );
    await prisma.user.update({ where: { id: u.id }, data: { status: 'DISABLED' } });
    expect(await redeemSignInCode(code, 'alpha.localhost', state)).toEqual({ ok: false, reason: 'account' });
    mockCtx.headers = new Headers({ host: `${PORTAL}:${PORT}`, 'x-forwarded-proto': 'http' });
    mockCtx.cookies = new Map([['next-auth.session-token', await portalCookie(u)]]);
    expect(await currentPortalSession()).toBeNull();
  });

  it('after « sign out everywhere » the platform cookie is refused and marked stale; the portal then issues nothing', async () => {
    const { prisma } = db();
    const u = await makeUser(prisma, { email: 'sortie.partout@ac-rennes.fr' });
    const b = new Browser();
    b.set(PORTAL, 'next-auth.session-token', await portalCookie(u));
    const { c } = await handshake(b, 'alpha.localhost');
    const platform = b.cookies('alpha.localhost');
    expect((await actorOn(`alpha.localhost:${PORT}`, platform)).user?.id).toBe(u.id);
    await prisma.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    const after = await actorOn(`alpha.localhost:${PORT}`, platform);
    expect({ user: after.user, stale: after.staleSession }).toEqual({ user: null, stale: true });
    expect(c!.setCookies.find((x) => x.name === 'next-auth.session-token')).toBeDefined();
    const again = await handshake(b, 'alpha.localhost', '/api/sso/start?stale=1&return=%2F');
    expect(new URL(again.a.location!).searchParams.has('code')).toBe(false);
    expect(again.c!.setCookies.find((x) => x.name === 'ms_sso_checked')?.value).toBe('1');
    expect([...b.cookies('alpha.localhost').keys()].filter((n) => n.endsWith('session-token'))).toEqual([]);
  });

  it('« Maintenir ma connexion » is not widened: a 12-hour portal session gives a platform cookie ending at the same moment', async () => {
    const b = new Browser();
    const loginAt = Math.floor(NOW.getTime() / 1000) - 11 * 3600;
    b.set(PORTAL, 'next-auth.session-token', await portalCookie(teacher, false, loginAt));
    const { c } = await handshake(b, 'alpha.localhost');
    expect(sessionCookieOf(c!.setCookies)?.maxAge).toBe(3600);
    setNow(new Date(NOW.getTime() + 3601_000), { frozen: true });
    expect((await actorOn(`alpha.localhost:${PORT}`, new Map([['next-auth.session-token', sessionCookieOf(c!.setCookies)!.value]]))).user).toBeNull();
  });

  it('nobody without a portal session writes a SignInCode row; a signed-in person is capped at 200 codes per 15 minutes', async () => {
    const { prisma } = db();
    const before = await prisma.signInCode.count();
    for (let i = 0; i < 20; i++) await hit(authorizeRoute, `http://${PORTAL}:${PORT}/api/sso/authorize?host=alpha.localhost&state=${newState()}&return=%2F`);
    expect(await prisma.signInCode.count()).toBe(before);
    const flood = await makeUser(prisma, { email: 'inondation@ac-rennes.fr' });
    const s: PortalSession = { userId: flood.id, sessionVersion: flood.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) };
    const originOf = (h: string) => `http://${h}`;
    const kinds: string[] = [];
    for (let i = 0; i < 201; i++) kinds.push((await authorize({ host: 'alpha.localhost', state: newState(), returnTo: '/', prompt: null, session: s, originOf })).kind);
    expect(kinds.filter((k) => k === 'redirect')).toHaveLength(200);
    expect(kinds.at(-1)).toBe('throttled');
    expect(await prisma.signInCode.count({ where: { userId: flood.id } })).toBe(200);
  });
});

describe('cookies', () => {
  it('over https: __Secure- session cookie, Secure, HttpOnly, SameSite=Lax, host-only; next-auth reads it back', async () => {
    const b = new Browser();
    b.set(PORTAL, '__Secure-next-auth.session-token', await portalCookie(teacher));
    const s = await hit(startRoute, `https://alpha.localhost/api/sso/start?return=%2F`, { browser: b });
    const st = s.setCookies.find((c) => c.name === stateCookieName(stateIn(s.location!)))!;
    expect(st.attrs).toMatchObject({ httponly: true, secure: true, samesite: 'lax', path: '/' });
    expect(st.attrs.domain).toBeUndefined();
    const a = await hit(authorizeRoute, s.location!, { browser: b });
    expect(new URL(a.location!).origin).toBe('https://alpha.localhost');
    const c = await hit(callbackRoute, a.location!, { browser: b });
    const sc = sessionCookieOf(c.setCookies)!;
    expect(sc.name).toBe('__Secure-next-auth.session-token');
    expect(sc.attrs).toMatchObject({ httponly: true, secure: true, samesite: 'lax', path: '/' });
    expect(sc.attrs.domain).toBeUndefined();
    expect((await actorOn('alpha.localhost', b.cookies('alpha.localhost'), 'https')).user?.id).toBe(teacher.id);
    for (const r of [s.res, a.res, c.res]) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it.each([['http'], ['https'], ['HTTP'], ['https, http'], [null]])('X-Forwarded-Proto %j: the cookie the callback sets is the one next-auth reads', async (proto) => {
    const b = new Browser();
    const verifier = newVerifier();
    const state = stateOf(verifier);
    b.set('alpha.localhost', stateCookieName(state), verifier);
    const code = await issueSignInCode(
      { userId: teacher.id, sessionVersion: teacher.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) },
      'alpha.localhost',
      state,
    );
    const c = await hit(callbackRoute, `http://alpha.localhost:${PORT}/api/sso/callback?state=${state}&code=${code}&return=%2F`, { browser: b, proto });
    const h: Record<string, string> = { host: `alpha.localhost:${PORT}` };
    if (proto !== null) h['x-forwarded-proto'] = proto;
    mockCtx.headers = new Headers(h);
    mockCtx.cookies = b.cookies('alpha.localhost');
    expect(sessionCookieOf(c.setCookies)).toBeDefined();
    expect((await getActor()).user?.id).toBe(teacher.id);
  });

  it.each([
    ['https://localhost:3000', 'http', '__Secure-next-auth.session-token'],
    ['http://localhost:3000', 'https', 'next-auth.session-token'],
  ])('NEXTAUTH_URL %j set: the cookie name follows it, not X-Forwarded-Proto %j, and next-auth reads it back', async (nextauthUrl, proto, expected) => {
    process.env.NEXTAUTH_URL = nextauthUrl;
    try {
      const b = new Browser();
      const verifier = newVerifier();
      const state = stateOf(verifier);
      b.set('alpha.localhost', stateCookieName(state), verifier);
      const code = await issueSignInCode(
        { userId: teacher.id, sessionVersion: teacher.sessionVersion, remember: false, loginAt: Math.floor(NOW.getTime() / 1000) },
        'alpha.localhost',
        state,
      );
      const c = await hit(callbackRoute, `http://alpha.localhost:${PORT}/api/sso/callback?state=${state}&code=${code}&return=%2F`, { browser: b, proto });
      expect(sessionCookieOf(c.setCookies)?.name).toBe(expected);
      expect((await actorOn(`alpha.localhost:${PORT}`, b.cookies('alpha.localhost'), proto)).user?.id).toBe(teacher.id);
    } finally {
      delete process.env.NEXTAUTH_URL;
    }
  });
});

describe('proxy and the stale-session restart', () => {
  const req = (method: string, headers: Record<string, string>, path = '/calendrier') =>
    new NextRequest(`http://alpha.localhost:${PORT}${path}`, { method, headers: { host: `alpha.localhost:${PORT}`, ...headers } });
  const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

  it('the navigation header reaches the layout on page loads only, never a client’s copy (actions, RSC, prefetch)', () => {
    const cookie = { cookie: 'next-auth.session-token=x' };
    const doc = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
    expect(forwarded(proxy(req('GET', { ...cookie, ...doc })), 'x-ministage-navigation')).toBe('/calendrier');
    for (const r of [
      req('POST', { ...cookie, ...doc, 'next-action': 'abc', 'x-ministage-navigation': '/evil' }),
      req('GET', { ...cookie, ...doc, rsc: '1', 'x-ministage-navigation': '/evil' }),
      req('GET', { ...cookie, ...doc, 'sec-purpose': 'prefetch', 'x-ministage-navigation': '/evil' }),
      req('GET', { ...cookie, 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors', 'x-ministage-navigation': '/evil' }),
    ])
      expect(forwarded(proxy(r), 'x-ministage-navigation')).toBeNull();
  });

  it('no handshake for links carrying their own secret, for POSTs, or once « checked »', () => {
    const nav = (o: { method?: string; pathname?: string; cookieNames?: string[] }) => ({
      method: o.method ?? 'GET',
      pathname: o.pathname ?? '/',
      search: '',
      cookieNames: o.cookieNames ?? [],
      headers: { get: (n: string) => ({ 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' })[n] ?? null },
    });
    expect(shouldHandshake(nav({}))).toBe(true);
    for (const pathname of ['/signature/abc', '/activation/abc', '/invitation-plateforme/abc', '/reinitialisation/abc', '/invitation/abc'])
      expect(shouldHandshake(nav({ pathname }))).toBe(false);
    expect(shouldHandshake(nav({ method: 'POST' }))).toBe(false);
    expect(shouldHandshake(nav({ cookieNames: ['ms_sso_checked'] }))).toBe(false);
  });

  it('sessionRestart: a stale cookie on a page load restarts the handshake from that page, once (not within « checked », never without the navigation header)', async () => {
    const { prisma } = db();
    const u = await makeUser(prisma, { email: 'restart.session@ac-rennes.fr' });
    const b = new Browser();
    b.set(PORTAL, 'next-auth.session-token', await portalCookie(u));
    await handshake(b, 'alpha.localhost');
    const platform = b.cookies('alpha.localhost');
    await prisma.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    const at = async (extra: Record<string, string>, cookies: Map<string, string>) => {
      mockCtx.headers = new Headers({ host: `alpha.localhost:${PORT}`, 'x-forwarded-proto': 'http', ...extra });
      mockCtx.cookies = cookies;
      return sessionRestart(await getActor());
    };
    expect(await at({ [NAVIGATION_HEADER]: '/calendrier?mois=2026-12' }, platform)).toBe(
      `/api/sso/start?stale=1&return=${encodeURIComponent('/calendrier?mois=2026-12')}`,
    );
    expect(await at({}, platform)).toBeNull(); // an action, an RSC request: never
    expect(await at({ [NAVIGATION_HEADER]: '/calendrier' }, new Map([...platform, ['ms_sso_checked', '1']]))).toBeNull();
    // A current session restarts nothing.
    const fresh = new Browser();
    fresh.set(PORTAL, 'next-auth.session-token', await portalCookie(teacher));
    await handshake(fresh, 'alpha.localhost');
    expect(await at({ [NAVIGATION_HEADER]: '/calendrier' }, fresh.cookies('alpha.localhost'))).toBeNull();
  });

  it('a browser that keeps no cookies gets one detour, then ?ms_sso=0 (no loop)', async () => {
    const start = await hit(startRoute, `http://alpha.localhost:${PORT}/api/sso/start?return=%2Fliste`, { cookies: new Map() });
    const a = await hit(authorizeRoute, start.location!, { cookies: new Map() });
    const c = await hit(callbackRoute, a.location!, { cookies: new Map() });
    expect(c.location).toBe('/liste?ms_sso=0');
    const url = new URL(c.location!, `http://alpha.localhost:${PORT}`);
    expect(
      shouldHandshake({
        method: 'GET',
        pathname: url.pathname,
        search: url.search,
        cookieNames: [],
        headers: { get: (n) => ({ 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' })[n as 'sec-fetch-dest'] ?? null },
      }),
    ).toBe(false);
  });
});

describe('loadActor’s one SQL statement', () => {
  it('treats hostile user ids as data', async () => {
    for (const id of ["' OR 1=1 --", `${teacher.id}' OR '1'='1`, '"; DROP TABLE "User"; --', '\\', '%', '\u0000'.replace('\u0000', 'x')])
      expect((await loadActor({ userId: id, host: 'localhost' })).user).toBeNull();
    expect(await db().prisma.user.count()).toBeGreaterThan(0);
  });

  it('returns the JSON parts as objects (memberships, pupil, site roles), enum values as strings', async () => {
    const actor = await loadActor({ userId: ids.two, host: 'localhost' });
    expect(actor.memberships).toEqual([{ establishmentId: ids.a, establishmentName: 'Collège A', establishmentUai: '0350033W' }]);
    expect(actor.member).toMatchObject({ establishmentId: ids.a, role: 'TEACHER' });
    expect(actor.pupil).toBeNull();
    const admin = await db().prisma.user.findFirstOrThrow({ where: { email: 'admin.alpha@ac-rennes.fr' } });
    expect((await loadActor({ userId: admin.id, host: 'alpha.localhost' })).roles).toEqual(['SITE_ADMIN']);
    expect((await loadActor({ userId: admin.id, host: 'beta.localhost' })).roles).toEqual([]);
    expect((await loadActor({ userId: operator.id, sessionVersion: operator.sessionVersion + 1, host: 'localhost' })).user).toBeNull();
  });
});

describe('the establishment switch', () => {
  it('refuses a pending or revoked membership, and ignores an actingEstablishmentId that is no active membership', async () => {
    for (const id of [ids.b, ids.c]) await expect(chooseEstablishment(ids.two, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db().prisma.user.update({ where: { id: ids.two }, data: { actingEstablishmentId: ids.b } }); // written by anything else
    const actor = await loadActor({ userId: ids.two, host: 'localhost' });
    expect(actor.member).toMatchObject({ establishmentId: ids.a, role: 'TEACHER' });
    expect(actor.roles).toEqual(['TEACHER']);
  });

  it('the action needs a session, and acts for the caller only', async () => {
    mockCtx.headers = new Headers({ host: `${PORTAL}:${PORT}`, 'x-forwarded-proto': 'http' });
    mockCtx.cookies = new Map();
    expect(await chooseEstablishmentAction({ establishmentId: ids.a })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    mockCtx.cookies = new Map([['next-auth.session-token', await portalCookie(teacher)]]);
    expect(await chooseEstablishmentAction({ establishmentId: ids.a })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: teacher.id } })).actingEstablishmentId).toBeNull();
  });
});
