import { NextRequest } from 'next/server';
import { config, proxy, TENANT_HEADER } from '@/proxy';

// The matcher syntax Next compiles config.matcher with (untyped module).
const { pathToRegexp } = jest.requireActual<{ pathToRegexp: (path: string) => RegExp }>('next/dist/compiled/path-to-regexp');

const rewriteOf = (res: Response) => res.headers.get('x-middleware-rewrite');
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

function req(url: string, host: string, headers: Record<string, string> = {}) {
  return new NextRequest(url, { headers: { host, ...headers } });
}

/** The directives of a CSP header: { 'script-src': ["'self'", …], … }. */
function directives(csp: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

describe('proxy (host → tenant rewrite)', () => {
  it('passes portal requests through', () => {
    const res = proxy(req('http://localhost:3000/inscription', 'localhost:3000'));
    expect(rewriteOf(res)).toBeNull();
  });

  it('rewrites a platform host to app/sites/[host]', () => {
    const res = proxy(req('http://demo.localhost:3000/calendrier?m=2026-12', 'demo.localhost:3000'));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/sites/demo.localhost/calendrier');
    expect(new URL(rewriteOf(res)!).search).toBe('?m=2026-12');
    expect(forwarded(res, TENANT_HEADER)).toBe('demo.localhost');
  });

  it('ignores a tenant header sent by the client', () => {
    const res = proxy(req('http://localhost:3000/', 'localhost:3000', { [TENANT_HEADER]: 'demo.localhost' }));
    expect(rewriteOf(res)).toBeNull();
    expect(forwarded(res, TENANT_HEADER)).toBeNull();
  });

  it('never serves the internal /sites routes directly', () => {
    const res = proxy(req('http://localhost:3000/sites/demo.localhost', 'localhost:3000'));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/introuvable');
  });

  it('answers an unusable host with the not-found page', () => {
    const res = proxy(req('http://localhost:3000/', 'a.b.localhost'));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/introuvable');
  });
});

describe('proxy: malformed %-escapes in the path answer the not-found page (not a 500)', () => {
  it.each([
    ['http://localhost:3000/rejoindre/%E0%A4%A', 'localhost:3000'],
    ['http://localhost:3000/activation/%E0%A4%A', 'localhost:3000'],
    ['http://localhost:3000/invitation/%E0%A4%A', 'localhost:3000'],
    ['http://localhost:3000/reinitialisation/%', 'localhost:3000'],
    ['http://localhost:3000/etablissement/classes/%C3%28', 'localhost:3000'],
    ['http://demo.localhost:3000/stages/%E0%A4%A', 'demo.localhost:3000'],
    ['http://demo.localhost:3000/invitation-plateforme/%E0%A4%A', 'demo.localhost:3000'],
  ])('%s → /introuvable', (url, host) => {
    const res = proxy(req(url, host));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/introuvable');
    expect(forwarded(res, TENANT_HEADER)).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('still serves well-formed escapes (an accented path is not malformed)', () => {
    const res = proxy(req('http://demo.localhost:3000/stages/caf%C3%A9', 'demo.localhost:3000'));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/sites/demo.localhost/stages/caf%C3%A9');
  });
});

describe('proxy: security headers', () => {
  const ORIGINAL_APP_ENV = process.env.APP_ENV;
  afterEach(() => {
    if (ORIGINAL_APP_ENV === undefined) delete process.env.APP_ENV;
    else process.env.APP_ENV = ORIGINAL_APP_ENV;
  });

  it('sends a nonce CSP on the response and the same one to Next (request header), for portal and platform', () => {
    for (const [url, host] of [
      ['http://localhost:3000/connexion', 'localhost:3000'],
      ['http://demo.localhost:3000/', 'demo.localhost:3000'],
    ]) {
      const res = proxy(req(url, host));
      const csp = res.headers.get('content-security-policy');
      const d = directives(csp);
      const nonce = d['script-src'].find((s) => s.startsWith("'nonce-"));
      expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22,}={0,2}'$/);
      expect(d['script-src']).toContain("'strict-dynamic'");
      expect(d['script-src']).not.toContain("'unsafe-inline'");
      expect(d['script-src']).not.toContain("'unsafe-eval'");
      expect(d['frame-ancestors']).toEqual(["'none'"]);
      expect(d['object-src']).toEqual(["'none'"]);
      expect(forwarded(res, 'content-security-policy')).toBe(csp); // Next reads the nonce from here
    }
  });

  it('draws a fresh nonce for every request, and overrides a CSP request header sent by the client', () => {
    const a = proxy(req('http://localhost:3000/', 'localhost:3000', { 'content-security-policy': "script-src 'nonce-choisi'" }));
    const b = proxy(req('http://localhost:3000/', 'localhost:3000'));
    expect(forwarded(a, 'content-security-policy')).not.toContain('choisi');
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
  });

  it('sends nosniff, frame denial and a referrer policy on every page', () => {
    const res = proxy(req('http://localhost:3000/etablissement/classes', 'localhost:3000'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it.each([
    ['http://localhost:3000/activation/AbCdEfGhIjKlMnOpQrStUv', 'localhost:3000'],
    ['http://localhost:3000/reinitialisation/AbCdEfGhIjKlMnOpQrStUv', 'localhost:3000'],
    ['http://localhost:3000/invitation/AbCdEfGhIjKlMnOpQrStUv', 'localhost:3000'],
    ['http://localhost:3000/rejoindre/ABCD-EFGH', 'localhost:3000'],
    ['http://localhost:3000/rejoindre/ABCD-EFGH/affiche', 'localhost:3000'],
    ['http://demo.localhost:3000/invitation-plateforme/AbCdEfGhIjKlMnOpQrStUv', 'demo.localhost:3000'],
  ])('sends no referrer at all from a page whose URL carries a token: %s', (url, host) => {
    expect(proxy(req(url, host)).headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends HSTS (and upgrades insecure requests) only with APP_ENV=production, whatever NODE_ENV says', () => {
    delete process.env.APP_ENV;
    const dev = proxy(req('http://localhost:3000/', 'localhost:3000'));
    expect(dev.headers.get('strict-transport-security')).toBeNull();
    expect(dev.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    process.env.APP_ENV = 'production';
    const prod = proxy(req('http://demo.localhost:3000/', 'demo.localhost:3000'));
    expect(prod.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(prod.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

describe('proxy: route handlers (/api/…)', () => {
  it('passes them through untouched, on any host (they read the host themselves)', () => {
    for (const [url, host] of [
      ['http://localhost:3000/api/auth/csrf', 'localhost:3000'],
      ['http://demo.localhost:3000/api/ics?site=demo', 'demo.localhost:3000'],
    ]) {
      const res = proxy(req(url, host, { [TENANT_HEADER]: 'autre.localhost' }));
      expect(rewriteOf(res)).toBeNull();
      expect(res.headers.get('x-middleware-next')).toBe('1');
      expect(res.headers.get('x-middleware-override-headers')).toBeNull(); // request headers as sent
      expect(res.headers.get('content-security-policy')).toBeNull(); // theirs come from next.config.mjs
    }
  });

  it('answers a malformed path with the not-found page instead of failing in /api/auth/[...nextauth]', () => {
    const res = proxy(req('http://localhost:3000/api/auth/%E0%A4%A', 'localhost:3000'));
    expect(new URL(rewriteOf(res)!).pathname).toBe('/introuvable');
  });
});

describe('proxy: where it runs (config.matcher)', () => {
  const runsOn = (path: string) => config.matcher.some((m) => pathToRegexp(m).test(path));

  it.each(['/', '/connexion', '/rejoindre/%E0%A4%A', '/sites/demo.localhost', '/api/auth/csrf', '/api/auth/%E0%A4%A'])('runs on %s', (path) => {
    expect(runsOn(path)).toBe(true);
  });

  it.each(['/_next/static/chunks/app.js', '/favicon.ico', '/robots.txt'])('leaves %s to Next (headers from next.config.mjs)', (path) => {
    expect(runsOn(path)).toBe(false);
  });
});
