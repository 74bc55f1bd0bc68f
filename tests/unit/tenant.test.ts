import { normalizeHost, parseHost } from '@/lib/core/tenant';

describe('normalizeHost', () => {
  it('lower-cases, strips the port, a trailing dot and www.', () => {
    expect(normalizeHost('WWW.Demo.LocalHost:3000')).toBe('demo.localhost');
    expect(normalizeHost('lycee-bel-air.fr.')).toBe('lycee-bel-air.fr');
  });
  it('refuses what is not a host name', () => {
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost(null)).toBeNull();
    expect(normalizeHost('[::1]:3000')).toBeNull();
    expect(normalizeHost('exa mple.fr')).toBeNull();
    expect(normalizeHost('a/b')).toBeNull();
    expect(normalizeHost('-bad.fr')).toBeNull();
  });
});

describe('parseHost', () => {
  it('maps the root domain (with or without port or www.) to the portal', () => {
    expect(parseHost('localhost:3000', 'localhost')).toEqual({ kind: 'root', host: 'localhost' });
    expect(parseHost('www.ministage.fr', 'ministage.fr')).toEqual({ kind: 'root', host: 'ministage.fr' });
    expect(parseHost('127.0.0.1:3000', 'localhost')).toEqual({ kind: 'root', host: '127.0.0.1' });
  });
  it('maps <slug>.<root> to a platform subdomain', () => {
    expect(parseHost('Demo.localhost:3000', 'localhost')).toEqual({ kind: 'subdomain', host: 'demo.localhost', slug: 'demo' });
    expect(parseHost('bel-air.ministage.fr', 'ministage.fr')).toEqual({ kind: 'subdomain', host: 'bel-air.ministage.fr', slug: 'bel-air' });
  });
  it('maps any other host to a custom domain', () => {
    expect(parseHost('ministage.lycee-guilloux.fr', 'ministage.fr')).toEqual({ kind: 'custom', host: 'ministage.lycee-guilloux.fr' });
  });
  it('has no platform at a deeper subdomain of the root', () => {
    expect(parseHost('a.b.localhost', 'localhost')).toBeNull();
  });
  it('does not take a look-alike domain for the root', () => {
    expect(parseHost('evilministage.fr', 'ministage.fr')).toEqual({ kind: 'custom', host: 'evilministage.fr' });
  });
});
