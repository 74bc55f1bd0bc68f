// Origins for links (emails, redirects, feeds) and where to go after signing in. Pure: the caller
// gives the request's Host and X-Forwarded-Proto, the root domain and, where needed, how to tell a
// known platform; nothing here reads the environment, the request or the database.
// Security: the host of an origin is always the portal's or a known platform's, normalised (never the
// raw Host text), the scheme http or https only (never the raw X-Forwarded-Proto text), the port
// digits only. Password-reset poisoning and cache poisoning (the public ICS feed) stay closed.
import { parseHost } from './tenant.ts';

export type Scheme = 'http' | 'https';

/** The scheme of a request: the first X-Forwarded-Proto value when it is exactly http or https, else `fallback`. */
export function requestScheme(forwardedProto: string | null | undefined, fallback: Scheme = 'http'): Scheme {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first === 'https' || first === 'http' ? first : fallback;
}

/** The port of a Host header written `name:port` (digits only); null otherwise ('[::1]:3000', 'a@b:1', no port). */
export function hostPort(rawHost: string | null | undefined): string | null {
  return rawHost?.trim().match(/^[^:@/\\]+:(\d{1,5})$/)?.[1] ?? null;
}

function origin(scheme: Scheme, host: string, port: string | null): string {
  return `${scheme}://${host}${port ? `:${port}` : ''}`;
}

export type RequestHost = {
  /** The Host header as received. */
  host: string | null | undefined;
  /** The X-Forwarded-Proto header as received. */
  forwardedProto: string | null | undefined;
  /** ROOT_DOMAIN (env.rootDomain): the portal's host. */
  rootDomain: string;
};

/** The portal's origin seen from this request: its scheme and port, the root domain. */
export function portalOrigin(input: RequestHost): string {
  return origin(requestScheme(input.forwardedProto), input.rootDomain, hostPort(input.host));
}

/**
 * The origin to put in links for a request: its own host when it is the portal or a known platform
 * (`isKnownSite`, given the normalised host: an active site's slug host or custom domain), else the portal.
 */
export async function trustedOrigin(input: RequestHost & { isKnownSite: (host: string) => boolean | Promise<boolean> }): Promise<string> {
  const scheme = requestScheme(input.forwardedProto);
  const port = hostPort(input.host);
  const tenant = parseHost(input.host, input.rootDomain);
  if (tenant?.kind === 'root') return origin(scheme, tenant.host, port);
  if (tenant && (await input.isKnownSite(tenant.host))) return origin(scheme, tenant.host, port);
  return origin(scheme, input.rootDomain, port);
}

/**
 * A known platform's origin for a request that reached it (the ICS feed): the platform's normalised
 * host, the request's port, http/https from X-Forwarded-Proto or else from the URL the server saw.
 */
export function platformOrigin(input: { siteHost: string; host: string | null | undefined; forwardedProto: string | null | undefined; fallbackScheme?: Scheme }): string {
  return origin(requestScheme(input.forwardedProto, input.fallbackScheme ?? 'http'), input.siteHost, hostPort(input.host));
}

export type SiteAddress = { slug: string; domains?: { host: string }[] };

/**
 * A platform's address seen from another origin (links from the portal, the cross-platform search,
 * invitation emails): its first custom domain, or <slug>.<root>, with the scheme and port of `fromOrigin`.
 * 'http://localhost:3000' + { slug: 'demo' } → 'http://demo.localhost:3000'.
 */
export function siteOrigin(site: SiteAddress, fromOrigin: string, rootDomain: string): string {
  let proto = 'http:';
  let port = '';
  try {
    const u = new URL(fromOrigin);
    proto = u.protocol;
    port = u.port;
  } catch {
    // keep the defaults
  }
  const host = site.domains?.[0]?.host ?? `${site.slug}.${rootDomain}`;
  return `${proto}//${host}${port ? `:${port}` : ''}`;
}

/**
 * Where to go after signing in: a same-origin path from `callbackUrl`, else '/'.
 * The value is resolved the way a browser resolves it (WHATWG URL: tabs and new lines removed,
 * dot segments collapsed), and the path returned never starts with '//' (protocol-relative).
 */
export function safeCallbackUrl(raw: string | null | undefined, fromOrigin: string): string {
  if (!raw) return '/';
  let url: URL;
  try {
    url = new URL(raw, fromOrigin);
  } catch {
    return '/';
  }
  if (url.origin !== fromOrigin) return '/';
  const path = url.pathname.replace(/^[/\\]+/, '/');
  return `${path}${url.search}${url.hash}`;
}

/** The sign-in page of the current host, coming back to `path` (a same-origin path; anything else → '/'). */
export function signInPath(path: string): string {
  const base = 'http://ministage.invalid';
  return `/connexion?callbackUrl=${encodeURIComponent(safeCallbackUrl(path, base))}`;
}
