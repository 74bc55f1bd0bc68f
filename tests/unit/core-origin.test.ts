// lib/core/origin against the code it replaces, on many Host / X-Forwarded-Proto / root domain
// combinations: trustedOrigin (lib/core/actor), portalOrigin and requestOrigin (lib/core/session),
// siteOrigin (lib/sites/urls), the ICS route's links (app/api/ics/route.ts), safeCallbackUrl
// (components/accounts/safe-callback). The database is a small in-memory fake (sites by slug and
// custom domain); the Next request context is the mocked `headers()`.
import * as O from '@/lib/core/origin';
import * as actor from '@/lib/core/actor';
import * as session from '@/lib/core/session';
import * as urls from '@/lib/sites/urls';
import * as safe from '@/components/accounts/safe-callback';
import * as ics from '@/app/api/ics/route';
import { parseHost } from '@/lib/core/tenant';

let mockHeaders = new Headers();
jest.mock('next/headers', () => ({ headers: async () => mockHeaders }));
jest.mock('next-auth', () => ({ getServerSession: async () => null }));
jest.mock('@/lib/core/auth', () => ({ authOptions: {} }));
jest.mock('@/lib/core/db', () => {
  const sites = [
    { id: 's1', slug: 'demo', name: 'Lycée Démo', active: true, establishmentId: 'e1' },
    { id: 's2', slug: 'ferme', name: 'Lycée fermé', active: false, establishmentId: 'e2' },
    { id: 's3', slug: 'autre', name: 'Lycée Autre', active: true, establishmentId: 'e3' },
  ];
  const domains = [
    { host: 'ministage.lycee-exemple.fr', siteId: 's1' },
    { host: 'stages.ferme.fr', siteId: 's2' },
  ];
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
  const prisma = {
    site: { findUnique: async ({ where }: { where: { slug: string } }) => sites.find((s) => s.slug === where.slug) ?? null },
    siteDomain: {
      findUnique: async ({ where }: { where: { host: string } }) => {
        const d = domains.find((x) => x.host === where.host);
        return d ? { ...d, site: sites.find((s) => s.id === d.siteId) } : null;
      },
    },
    stage: { findMany: async () => [stage] },
  };
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
  it('requestScheme = lib/core/actor requestScheme', () => {
    for (const p of PROTOS) expect(O.requestScheme(p)).toBe(actor.requestScheme(p));
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
  it.each(ROOTS)('= lib/core/actor trustedOrigin for every host and scheme (root %s)', async (root) => {
    await withRoot(root, async () => {
      for (const host of HOSTS(root)) {
        for (const forwardedProto of PROTOS) {
          const before = await actor.trustedOrigin(host, forwardedProto);
          const after = await O.trustedOrigin({ host, forwardedProto, rootDomain: root, isKnownSite: knownSite });
          expect({ host, forwardedProto, origin: after }).toEqual({ host, forwardedProto, origin: before });
        }
      }
    });
  });

  it.each(ROOTS)('= lib/core/session requestOrigin, given its default host (root %s)', async (root) => {
    await withRoot(root, async () => {
      for (const host of HOSTS(root)) {
        for (const forwardedProto of ['https', 'javascript', null]) {
          mockHeaders = new Headers();
          if (host) mockHeaders.set('host', host.trim());
          if (forwardedProto) mockHeaders.set('x-forwarded-proto', forwardedProto);
          const before = await session.requestOrigin();
          const h = mockHeaders.get('host') ?? `${root}:${process.env.PORT ?? 3000}`;
          expect(await O.trustedOrigin({ host: h, forwardedProto, rootDomain: root, isKnownSite: knownSite })).toBe(before);
        }
      }
    });
  });

  it('never leaves the portal or a known platform, and never another scheme', async () => {
    const ok = /^https?:\/\/(localhost|127\.0\.0\.1|demo\.localhost|autre\.localhost|ministage\.lycee-exemple\.fr)(:\d{1,5})?$/;
    for (const host of HOSTS('localhost')) {
      for (const forwardedProto of PROTOS) {
        expect(await O.trustedOrigin({ host, forwardedProto, rootDomain: 'localhost', isKnownSite: knownSite })).toMatch(ok);
      }
    }
    expect(await O.trustedOrigin({ host: 'localhost:3000@evil.example', forwardedProto: 'http', rootDomain: 'localhost', isKnownSite: knownSite })).toBe(
      'http://localhost',
    );
    expect(await O.trustedOrigin({ host: 'ferme.localhost:3000', forwardedProto: 'https', rootDomain: 'localhost', isKnownSite: knownSite })).toBe(
      'https://localhost:3000',
    );
    expect(await O.trustedOrigin({ host: 'WWW.Demo.LOCALHOST:3000', forwardedProto: 'http', rootDomain: 'localhost', isKnownSite: knownSite })).toBe(
      'http://demo.localhost:3000',
    );
  });
});

describe('portalOrigin (a platform’s links to the portal)', () => {
  it.each(ROOTS)('= lib/core/session portalOrigin on every host a page is served on (root %s)', async (root) => {
    await withRoot(root, async () => {
      for (const host of HOSTS(root)) {
        for (const forwardedProto of PROTOS) {
          mockHeaders = new Headers();
          if (host?.trim()) mockHeaders.set('host', host.trim());
          if (forwardedProto?.trim()) mockHeaders.set('x-forwarded-proto', forwardedProto.trim());
          const served = parseHost(mockHeaders.get('host'), root) !== null; // proxy.ts sends any other host to /introuvable
          const before = await session.portalOrigin();
          const after = O.portalOrigin({ host: mockHeaders.get('host'), forwardedProto: mockHeaders.get('x-forwarded-proto'), rootDomain: root });
          if (served) expect({ host, forwardedProto, origin: after }).toEqual({ host, forwardedProto, origin: before });
          else expect(after).toBe(before.replace(/:\d+$/, '') + (O.hostPort(mockHeaders.get('host')) ? `:${O.hostPort(mockHeaders.get('host'))}` : ''));
        }
      }
    });
  });

  it('takes the port with the same rule as trustedOrigin (the one difference, on hosts no page is served on)', async () => {
    mockHeaders = new Headers({ host: '[::1]:3000' });
    expect(await session.portalOrigin()).toBe('http://localhost:3000');
    expect(O.portalOrigin({ host: '[::1]:3000', forwardedProto: null, rootDomain: 'localhost' })).toBe('http://localhost');
    expect(O.portalOrigin({ host: 'demo.localhost:3000', forwardedProto: 'https', rootDomain: 'localhost' })).toBe('https://localhost:3000');
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
  it('= lib/sites/urls siteOrigin', () => {
    const sites = [{ slug: 'demo' }, { slug: 'demo', domains: [] }, { slug: 'demo', domains: [{ host: 'ministage.lycee-exemple.fr' }, { host: 'b.fr' }] }];
    const origins = [
      'http://localhost:3000',
      'https://localhost',
      'https://localhost:443',
      'http://localhost:80',
      'https://ministage.fr:8443',
      'not a url',
      '',
      'javascript:alert(1)',
      'http://[::1]:3000',
    ];
    for (const root of ROOTS) for (const site of sites) for (const from of origins) expect(O.siteOrigin(site, from, root)).toBe(urls.siteOrigin(site, from, root));
    expect(O.siteOrigin({ slug: 'demo' }, 'http://localhost:3000', 'localhost')).toBe('http://demo.localhost:3000');
  });
});

describe('safeCallbackUrl and signInPath', () => {
  const RAWS = [
    '/mon-compte',
    '/mon-compte?x=1#a',
    'http://localhost:3000/etablissement/demandes',
    'http://localhost:3000/operateur?x=1',
    'https://evil.example/x',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.//evil.example',
    'http://localhost:3000//evil.example',
    'http://localhost:3000/.//evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/%2F/evil.example',
    'javascript:alert(1)',
    '',
    null,
    undefined,
    'relative/path',
    '../../x',
    '/a b/é',
    '?x=1',
    '#frag',
    'http://localhost:3001/x',
    'HTTP://LOCALHOST:3000/x',
  ];

  it('safeCallbackUrl = components/accounts/safe-callback', () => {
    for (const origin of ['http://localhost:3000', 'https://demo.localhost'])
      for (const raw of RAWS) expect(O.safeCallbackUrl(raw, origin)).toBe(safe.safeCallbackUrl(raw, origin));
  });

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
