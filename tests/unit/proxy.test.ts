import { NextRequest } from 'next/server';
import { proxy, TENANT_HEADER } from '@/proxy';

const rewriteOf = (res: Response) => res.headers.get('x-middleware-rewrite');
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

function req(url: string, host: string, headers: Record<string, string> = {}) {
  return new NextRequest(url, { headers: { host, ...headers } });
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
