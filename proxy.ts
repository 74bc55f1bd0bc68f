// Host → tenant rewrite (Next 16's name for middleware.ts). The portal lives at the root domain;
// each lycée platform at <slug>.<root> or its own domain is served from app/sites/[host]/….
// Not a security boundary: pages and actions resolve the site from the host again on the server.
import { NextResponse, type NextRequest } from 'next/server';
import { parseHost } from './lib/core/tenant.ts';

export const TENANT_HEADER = 'x-ministage-host';

export function proxy(req: NextRequest) {
  const url = req.nextUrl.clone();
  const headers = new Headers(req.headers);
  headers.delete(TENANT_HEADER); // never trust the client's copy
  const tenant = parseHost(req.headers.get('host'), process.env.ROOT_DOMAIN ?? 'localhost');

  // app/sites/… is internal: only reachable through the rewrite below.
  if (url.pathname === '/sites' || url.pathname.startsWith('/sites/')) {
    url.pathname = '/introuvable';
    return NextResponse.rewrite(url, { request: { headers } });
  }
  if (!tenant) {
    url.pathname = '/introuvable';
    return NextResponse.rewrite(url, { request: { headers } });
  }
  if (tenant.kind === 'root') return NextResponse.next({ request: { headers } });

  headers.set(TENANT_HEADER, tenant.host);
  url.pathname = `/sites/${encodeURIComponent(tenant.host)}${url.pathname === '/' ? '' : url.pathname}`;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  // Everything but Next's assets, route handlers (they read the host themselves) and static files.
  matcher: ['/((?!_next/|api/|favicon.ico|robots.txt).*)'],
};
