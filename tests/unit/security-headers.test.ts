// lib/core/security-headers.ts: the headers every answer carries, and next.config.mjs agreeing with it.
import { buildCustomRoute } from 'next/dist/lib/build-custom-route';
import type { NextConfig } from 'next';
import { HSTS, contentSecurityPolicy, isTokenPage, newNonce, pageSecurityHeaders, referrerPolicy, staticSecurityHeaders } from '@/lib/core/security-headers';

// next.config.mjs is plain JavaScript (allowJs is off): typed here.
const nextConfig = jest.requireActual<{ default: NextConfig }>('@/next.config.mjs').default;

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((p) => p.trim().split(/\s+/))
      .map(([n, ...v]) => [n, v]),
  );
}

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ nonce: 'bm9uY2UtZGUtdGVzdA==', production: false });
  const d = directives(csp);

  it('runs only scripts carrying the nonce (and what they load), never inline ones or eval', () => {
    expect(d['script-src']).toEqual(["'self'", "'nonce-bm9uY2UtZGUtdGVzdA=='", "'strict-dynamic'"]);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('allows inline style attributes only (React style props), <style> elements need the nonce', () => {
    expect(d['style-src']).toEqual(["'self'", "'nonce-bm9uY2UtZGUtdGVzdA=='"]);
    expect(d['style-src-attr']).toEqual(["'unsafe-inline'"]);
  });

  it('forbids framing, plugins and <base>, and keeps everything else on this origin', () => {
    expect(d).toMatchObject({
      'default-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
    });
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('upgrades insecure requests in production only', () => {
    expect(contentSecurityPolicy({ nonce: 'x', production: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it('relaxes eval and inline <style> for `next dev` only', () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'x', production: false, development: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['script-src']).not.toContain("'unsafe-inline'");
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is the exact documented string', () => {
    expect(contentSecurityPolicy({ nonce: 'N', production: true })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-N' 'strict-dynamic'; style-src 'self' 'nonce-N'; " +
        "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });
});

describe('newNonce', () => {
  it('draws 128 random bits in base64, never twice the same', () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('referrer policy', () => {
  it.each([
    '/activation/AbCd',
    '/reinitialisation/AbCd',
    '/invitation/AbCd',
    '/invitation-plateforme/AbCd',
    '/rejoindre/ABCD-EFGH',
    '/rejoindre/ABCD-EFGH/affiche',
    '/rejoindre',
    '/signature/AbCd',
    '/api/signature/AbCd',
  ])('sends no referrer from %s (the URL carries a token or a class code)', (path) => {
    expect(isTokenPage(path)).toBe(true);
    expect(referrerPolicy(path)).toBe('no-referrer');
  });

  it.each(['/', '/connexion', '/etablissement/classes', '/stages/abc', '/invitations', '/rejoindre-nous', '/api/auth/session'])(
    'sends the origin only, cross-origin, from %s',
    (path) => {
      expect(isTokenPage(path)).toBe(false);
      expect(referrerPolicy(path)).toBe('strict-origin-when-cross-origin');
    },
  );
});

describe('pageSecurityHeaders', () => {
  it('adds HSTS only in production', () => {
    expect(pageSecurityHeaders({ pathname: '/', nonce: 'x', production: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(pageSecurityHeaders({ pathname: '/', nonce: 'x', production: true })['Strict-Transport-Security']).toBe(HSTS);
    expect(HSTS).toBe('max-age=31536000');
  });
});

describe('next.config.mjs headers()', () => {
  // The headers Next would send for a path, computed as Next does: every matching entry, in order, later wins.
  async function configHeaders(pathname: string): Promise<Record<string, string>> {
    const routes = (await nextConfig.headers?.()) ?? [];
    const out: Record<string, string> = {};
    for (const route of routes) {
      const { regex } = buildCustomRoute('header', route) as { regex: string };
      if (!new RegExp(regex, 'i').test(pathname)) continue;
      for (const h of route.headers) out[h.key] = h.value;
    }
    return out;
  }

  it.each([
    '/',
    '/connexion',
    '/activation/AbCd',
    '/reinitialisation/AbCd',
    '/invitation/AbCd',
    '/invitation-plateforme/AbCd',
    '/rejoindre',
    '/rejoindre/ABCD-EFGH/affiche',
    '/signature/AbCd',
    '/api/signature/AbCd',
    '/api/conventions/abc',
    '/api/auth/signout',
    '/api/sites/agenda.ics',
    '/_next/static/chunks/app.js',
    '/favicon.ico',
  ])('sends on %s exactly what lib/core/security-headers.ts says', async (path) => {
    expect(await configHeaders(path)).toEqual(staticSecurityHeaders(path));
  });

  it('never keys anything on the environment at build time (no HSTS, no nonce there)', async () => {
    const all = JSON.stringify(await nextConfig.headers?.());
    expect(all).not.toContain('Strict-Transport-Security');
    expect(all).not.toContain('nonce');
  });
});
