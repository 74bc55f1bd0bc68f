// Host → tenant. Pure: proxy.ts and server code both use it. Not a security boundary by itself.
export type Tenant = { kind: 'root'; host: string } | { kind: 'subdomain'; host: string; slug: string } | { kind: 'custom'; host: string };

const HOST_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** Lower-cases, strips the port, a trailing dot and a leading `www.`; null when not a host name. */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literal: never a tenant
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  if (!host || host.length > 253 || !HOST_RE.test(host)) return null;
  return host;
}

/** Root domain → portal; `<slug>.<root>` → that platform; any other host → a custom domain. */
export function parseHost(rawHost: string | null | undefined, rootDomain = 'localhost'): Tenant | null {
  const host = normalizeHost(rawHost);
  const root = normalizeHost(rootDomain) ?? 'localhost';
  if (!host) return null;
  if (host === root || host === '127.0.0.1') return { kind: 'root', host };
  if (host.endsWith(`.${root}`)) {
    const slug = host.slice(0, -(root.length + 1));
    if (!slug.includes('.')) return { kind: 'subdomain', host, slug };
    return null; // a.b.<root>: no such platform
  }
  return { kind: 'custom', host };
}
