// lib/core/origin on many Host / X-Forwarded-Proto / root domain combinations, and its callers:
// requestOrigin and portalOrigin (lib/core/session), the ICS route's links (app/api/ics/route.ts).
// The expected origins are those the code it replaced wrote (checked equal, case by case, before
// that code was deleted). The platforms are a small in-memory fake (sites by slug and custom domain), the database one stage;
// the Next request context is the mocked `headers()`. After sign-in: tests/unit/sign-in-callback-url.test.ts.
import * as O from '@/lib/core/origin';
import * as actor from '@/lib/core/actor';
import * as session from '@/lib/core/session';
import * as ics from '@/app/api/ics/route';

let mockHeaders = new Headers();
jest.mock('next/headers', () => ({ headers: async () => mockHeaders }));
jest.mock('next-auth', () => ({ getServerSession: async () => null }));
jest.mock('@/lib/core/auth', () => ({ authOptions: {} }));
// The platforms (lib/core/site-cache reads them with raw SQL): sites by slug, id and custom domain.
jest.mock('@/lib/core/site-cache', () => {
  const sites = [
    { id: 's1', slug: 'demo', name: 'Lycée Démo', active: true, establishmentId: 'e1', logoUrl: null, holidayZone: 'C', departmentCode: '075' },
    { id: 's2', slug: 'ferme', name: 'Lycée fermé', active: false, establishmentId: 'e2', logoUrl: null, holidayZone: 'C', departmentCode: '075' },
    { id: 's3', slug: 'autre', name: 'Lycée Autre', active: true, establishmentId: 'e3', logoUrl: null, holidayZone: 'C', departmentCode: '075' },
  ];
  const domains = [
    { host: 'ministage.lycee-exemple.fr', siteId: 's1' },
    { host: 'stages.ferme.fr', siteId: 's2' },
  ];
  const byId = async (id: string) => sites.find((s) => s.id === id) ?? null;
  return {
    siteBySlug: async (slug: string) => sites.find((s) => s.slug === slug) ?? null,
    siteByDomain: async (host: string) => byId(domains.find((d) => d.host === host)?.siteId ?? ''),
    siteById: byId,
    sitesChanged: () => undefined,
  };
});
jest.mock('@/lib/core/db', () => {
  const stage = {
    id: 'st1',
    date: new Date('2027-03-12T00:00:00.000Z'),
    startMinutes: 540,
    endMinutes: 720,
    status: 'PUBLISHED',
    stageType: 'Mini-stage',
    place: null,
    description: null,
    capacity: 8,
    enrolledCount: 0,
    scheduleDetail: null,
    updatedAt: new Date('2027-03-01T00:00:00Z'),
    cancelReason: null,
    formation: { type: 'CAP', name: 'Cuisine' },
    teacher: null,
  };
  const prisma = { stage: { findMany: async () => [stage] } };
  return { prisma, getPrisma: () => prisma, setPrisma: () => undefined };
});

const ROOTS = ['localhost', 'ministage.fr'];
const HOSTS = (root: string): (string | null | undefined)[] => [
  root,
  `${root}:3000`,
  `${root.toUpperCase()}:3000`,
  `www.${root}:3000`,
  `${root}.:3000`,
  `${root}:80`,
  `${root}:443`,
  `${root}:65535`,
  `${root}:123456`,
  `${root}:`,
  `${root}:abc`,
  '127.0.0.1',
  '127.0.0.1:3000',
  `demo.${root}`,
  `demo.${root}:3000`,
  `Demo.${root.toUpperCase()}:8080`,
  `www.demo.${root}:3000`,
  `demo.${root}.:3000`,
  `ferme.${root}:3000`,
  `inconnu.${root}:3000`,
  `a.b.${root}:3000`,
  `autre.${root}`,
  'ministage.lycee-exemple.fr',
  'ministage.lycee-exemple.fr:8443',
  'WWW.Ministage.Lycee-Exemple.FR',
  'stages.ferme.fr:3000',
  'evil.example',
  'evil.example:3000',
  `${root}:3000@evil.example`,
  `evil@${root}:3000`,
  `evil.example/${root}:3000`,
  `evil.example\\${root}:3000`,
  '[::1]:3000',
  '[::1]',
  '',
  ' ',
  `  ${root}:3000  `,
  null,
  undefined,
  'xn--bcher-kva.example:3000',
  `${root}:3000:4000`,
];
const PROTOS = [
  null,
  undefined,
  '',
  'http',
  'https',
  'HTTPS',
  'Https',
  ' https ',
  'https, http',
  'http,https',
  'https,',
  'javascript',
  'http://evil.example/?',
  'ftp',
  'wss',
  'https\t',
];

async function withRoot<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.ROOT_DOMAIN;
  process.env.ROOT_DOMAIN = root;
  try {
    return await fn();
  } finally {
    process.env.ROOT_DOMAIN = before;
  }
}

const knownSite = (host: string) => actor.findSiteByHost(host).then((s) => !!s);

describe('requestScheme and hostPort', () => {
  it('takes https or http from the first X-Forwarded-Proto value only', () => {
    const expected: [string | null | undefined, O.Scheme][] = [
      [null, 'http'],
      [undefined, 'http'],
      ['', 'http'],
      ['http', 'http'],
      ['https', 'https'],
      ['HTTPS', 'https'],
      ['Https', 'https'],
      [' https ', 'https'],
      ['https, http', 'https'],
      ['http,https', 'http'],
      ['https,', 'https'],
      ['javascript', 'http'],
      ['http://evil.example/?', 'http'],
      ['ftp', 'http'],
      ['wss', 'http'],
      ['https\t', 'https'],
    ];
    expect(expected.map(([p]) => p)).toEqual(PROTOS);
    for (const [p, scheme] of expected) expect({ p, scheme: O.requestScheme(p) }).toEqual({ p, scheme });
    expect(O.requestScheme('javascript', 'https')).toBe('https');
    expect(O.requestScheme('http', 'https')).toBe('http');
  });

  it('reads a port only from name:digits', () => {
    expect(O.hostPort('localhost:3000')).toBe('3000');
    expect(O.hostPort(' demo.localhost:8080 ')).toBe('8080');
    for (const h of ['localhost', 'localhost:', 'localhost:123456', '[::1]:3000', 'evil@localhost:3000', 'a/b:1', 'a\\b:1', 'a:b:1', '', null, undefined])
      expect(O.hostPort(h)).toBeNull();
  });
});

describe('trustedOrigin (links in emails, redirects after sign-in)', () => {
  const trusted = (host: string | null | undefined, forwardedProto: string | null | undefined, rootDomain = 'localhost') =>
    O.trustedOrigin({ host, forwardedProto, rootDomain, isKnownSite: knownSite });

  it('keeps the portal and the active platforms, with the request’s port and scheme', async () => {
    const cases: [string | null | undefined, string | null, string][] = [
      ['localhost', null, 'http://localhost'],
      ['localhost:3000', 'https', 'https://localhost:3000'],
      ['LOCALHOST:3000', 'http', 'http://localhost:3000'],
      ['www.localhost:3000', null, 'http://localhost:3000'],
      ['localhost.:3000', null, 'http://localhost:3000'],
      ['localhost:65535', null, 'http://localhost:65535'],
      ['127.0.0.1:3000', null, 'http://127.0.0.1:3000'],
      ['demo.localhost', 'https', 'https://demo.localhost'],
      ['demo.localhost:3000', null, 'http://demo.localhost:3000'],
      ['Demo.LOCALHOST:8080', null, 'http://demo.localhost:8080'],
      ['www.demo.localhost:3000', null, 'http://demo.localhost:3000'],
      ['autre.localhost', null, 'http://autre.localhost'],
      ['ministage.lycee-exemple.fr', 'https', 'https://ministage.lycee-exemple.fr'],
      ['ministage.lycee-exemple.fr:8443', 'https', 'https://ministage.lycee-exemple.fr:8443'],
      ['WWW.Ministage.Lycee-Exemple.FR', null, 'http://ministage.lycee-exemple.fr'],
    ];
    for (const [host, proto, origin] of cases) expect({ host, origin: await trusted(host, proto) }).toEqual({ host, origin });
  });

  it('falls back to the portal for any other host (closed or unknown platform, another site, no host)', async () => {
    const cases: [string | null | undefined, string][] = [
      ['ferme.localhost:3000', 'http://localhost:3000'],
      ['stages.ferme.fr:3000', 'http://localhost:3000'],
      ['inconnu.localhost:3000', 'http://localhost:3000'],
      ['a.b.localhost:3000', 'http://localhost:3000'],
      ['evil.example', 'http://localhost'],
      ['evil.example:3000', 'http://localhost:3000'],
      ['localhost:3000@evil.example', 'http://localhost'],
      ['evil@localhost:3000', 'http://localhost'],
      ['evil.example/localhost:3000', 'http://localhost'],
      ['localhost:123456', 'http://localhost'],
      ['localhost:abc', 'http://localhost'],
      ['localhost:3000:4000', 'http://localhost'],
      ['[::1]:3000', 'http://localhost'],
      ['', 'http://localhost'],
      [null, 'http://localhost'],
      [undefined, 'http://localhost'],
    ];
    for (const [host, origin] of cases) expect({ host, origin: await trusted(host, 'http') }).toEqual({ host, origin });
    await withRoot('ministage.fr', async () => {
      expect(await trusted('ferme.ministage.fr:3000', 'https', 'ministage.fr')).toBe('https://ministage.fr:3000');
      expect(await trusted('demo.ministage.fr', 'https', 'ministage.fr')).toBe('https://demo.ministage.fr');
    });
  });

  it.each(ROOTS)('is what lib/core/session requestOrigin gives, with its default host (root %s)', async (root) => {
    await withRoot(root, async () => {
      for (const host of HOSTS(root)) {
        for (const forwardedProto of ['https', 'javascript', null]) {
          mockHeaders = new Headers();
          if (host) mockHeaders.set('host', host.trim());
          if (forwardedProto) mockHeaders.set('x-forwarded-proto', forwardedProto);
          const h = mockHeaders.get('host') ?? `${root}:${process.env.PORT ?? 3000}`;
          expect(await session.requestOrigin()).toBe(await O.trustedOrigin({ host: h, forwardedProto, rootDomain: root, isKnownSite: knownSite }));
        }
      }
    });
  });

  it('never leaves the portal or a known platform, and never another scheme', async () => {
    const ok = /^https?:\/\/(localhost|127\.0\.0\.1|demo\.localhost|autre\.localhost|ministage\.lycee-exemple\.fr)(:\d{1,5})?$/;
    for (const host of HOSTS('localhost')) {
      for (const forwardedProto of PROTOS) expect(await trusted(host, forwardedProto)).toMatch(ok);
    }
  });
});

describe('portalOrigin (a platform’s links to the portal)', () => {
  it('is the root domain with the request’s scheme and port', () => {
    const portal = (host: string | null, forwardedProto: string | null, rootDomain = 'localhost') => O.portalOrigin({ host, forwardedProto, rootDomain });
    expect(portal('demo.localhost:3000', 'https')).toBe('https://localhost:3000');
    expect(portal('demo.localhost:3000', null)).toBe('http://localhost:3000');
    expect(portal('ministage.lycee-exemple.fr', 'https')).toBe('https://localhost');
    expect(portal('ministage.lycee-exemple.fr:8443', 'javascript')).toBe('http://localhost:8443');
    expect(portal('demo.ministage.fr', 'https', 'ministage.fr')).toBe('https://ministage.fr');
    expect(portal(null, null)).toBe('http://localhost');
    // The port is read with trustedOrigin's rule (name:digits): none from hosts no page is served on.
    expect(portal('[::1]:3000', null)).toBe('http://localhost');
    expect(portal('localhost:3000@evil.example', null)).toBe('http://localhost');
  });

  it.each(ROOTS)('is what lib/core/session portalOrigin gives (root %s)', async (root) => {
    await withRoot(root, async () => {
      for (const host of HOSTS(root)) {
        for (const forwardedProto of PROTOS) {
          mockHeaders = new Headers();
          if (host?.trim()) mockHeaders.set('host', host.trim());
          if (forwardedProto?.trim()) mockHeaders.set('x-forwarded-proto', forwardedProto.trim());
          const expected = O.portalOrigin({ host: mockHeaders.get('host'), forwardedProto: mockHeaders.get('x-forwarded-proto'), rootDomain: root });
          expect({ host, forwardedProto, origin: await session.portalOrigin() }).toEqual({ host, forwardedProto, origin: expected });
        }
      }
    });
  });
});

describe('links in production (APP_ENV=production)', () => {
  it('are https on the default port, whatever Host port or X-Forwarded-Proto the request claims', async () => {
    const saved = process.env.APP_ENV;
    process.env.APP_ENV = 'production';
    try {
      await withRoot('localhost', async () => {
        mockHeaders = new Headers({ host: 'localhost:1080', 'x-forwarded-proto': 'http' });
        expect(await session.requestOrigin()).toBe('https://localhost');
        expect(await session.portalOrigin()).toBe('https://localhost');
        mockHeaders = new Headers();
        expect(await session.requestOrigin()).toBe('https://localhost');
      });
    } finally {
      if (saved === undefined) delete process.env.APP_ENV;
      else process.env.APP_ENV = saved;
    }
  });
});

describe('platformOrigin (the ICS feed’s links)', () => {
  const urlsOf = (body: string) =>
    body
      .replace(/\r\n /g, '')
      .split('\r\n')
      .filter((l) => l.startsWith('URL:'));

  it.each(ROOTS)('= the links app/api/ics/route.ts writes, for every host and scheme (root %s)', async (root) => {
    await withRoot(root, async () => {
      let compared = 0;
      for (const host of HOSTS(root)) {
        if (!host?.trim()) continue;
        for (const forwardedProto of PROTOS) {
          for (const scheme of ['http', 'https'] as const) {
            const headers = new Headers({ host: host.trim() });
            if (forwardedProto?.trim()) headers.set('x-forwarded-proto', forwardedProto.trim());
            const req = new Request(`${scheme}://server.internal/api/ics`, { headers });
            const res = await ics.GET(req);
            const site = await actor.findSiteByHost(headers.get('host') ?? '');
            if (!site) {
              expect(res.status).toBe(404);
              continue;
            }
            const [line] = urlsOf(await res.text());
            const origin = O.platformOrigin({ siteHost: site.host, host: headers.get('host'), forwardedProto: headers.get('x-forwarded-proto'), fallbackScheme: scheme });
            expect({ host, forwardedProto, scheme, line }).toEqual({ host, forwardedProto, scheme, line: `URL:${origin}/stages/st1` });
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  });
});

describe('siteOrigin (a platform’s address seen from another origin)', () => {
  it('is its first custom domain, or <slug>.<root>, with the scheme and port of the other origin', () => {
    const demo = { slug: 'demo' };
    const custom = { slug: 'demo', domains: [{ host: 'ministage.lycee-exemple.fr' }, { host: 'b.fr' }] };
    const cases: [O.SiteAddress, string, string, string][] = [
      [demo, 'http://localhost:3000', 'localhost', 'http://demo.localhost:3000'],
      [demo, 'https://localhost', 'localhost', 'https://demo.localhost'],
      [demo, 'https://localhost:443', 'localhost', 'https://demo.localhost'],
      [demo, 'http://localhost:80', 'localhost', 'http://demo.localhost'],
      [demo, 'https://ministage.fr:8443', 'ministage.fr', 'https://demo.ministage.fr:8443'],
      [demo, 'http://[::1]:3000', 'localhost', 'http://demo.localhost:3000'],
      [demo, 'not a url', 'localhost', 'http://demo.localhost'],
      [demo, '', 'ministage.fr', 'http://demo.ministage.fr'],
      [{ slug: 'demo', domains: [] }, 'http://localhost:3000', 'localhost', 'http://demo.localhost:3000'],
      [custom, 'http://localhost:3000', 'localhost', 'http://ministage.lycee-exemple.fr:3000'],
      [custom, 'https://ministage.fr', 'ministage.fr', 'https://ministage.lycee-exemple.fr'],
    ];
    for (const [site, from, root, origin] of cases) expect({ site, from, origin: O.siteOrigin(site, from, root) }).toEqual({ site, from, origin });
  });
});

describe('signInPath', () => {
  it('signInPath = the /connexion redirects the pages write today', () => {
    const pages = [
      '/etablissement/demandes',
      '/mon-compte',
      '/operateur',
      '/operateur/demandes',
      '/operateur/inscriptions',
      '/stagiaires',
      '/options/contacts',
      '/etablissement/classes/ckx123',
      '/calendrier/nouveau?date=2027-03-12',
      '/stages/abc/modifier',
    ];
    for (const path of pages) expect(O.signInPath(path)).toBe(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
    expect(O.signInPath('/etablissement/demandes')).toBe('/connexion?callbackUrl=%2Fetablissement%2Fdemandes');
    expect(O.signInPath('/mon-compte')).toBe('/connexion?callbackUrl=%2Fmon-compte');
  });

  it('signInPath never sends back to another site', () => {
    for (const raw of ['//evil.example', 'https://evil.example/x', '/\t/evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const back = decodeURIComponent(O.signInPath(raw).replace('/connexion?callbackUrl=', ''));
      expect(new URL(back, 'http://localhost:3000').origin).toBe('http://localhost:3000');
    }
  });
});
