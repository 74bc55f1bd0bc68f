// Links in emails (activation, password reset, invitations) are built from the request's origin
// (lib/core/session requestOrigin → lib/core/origin trustedOrigin, platforms looked up in the
// database): a forged Host or X-Forwarded-Proto must never make them point to another site.
import { useTestDb } from '../helpers/db';

let mockHeaders = new Headers();
jest.mock('next/headers', () => ({ headers: async () => mockHeaders }));
jest.mock('next-auth', () => ({ getServerSession: async () => null }));
jest.mock('@/lib/core/auth', () => ({ authOptions: {} }));

import { requestOrigin } from '@/lib/core/session';

const db = useTestDb();

beforeAll(async () => {
  const { prisma } = db();
  const establishment = await prisma.establishment.create({
    data: { uai: '0350032V', name: 'Lycée Louis Guilloux', kind: 'LYCEE', isPublic: true, open: true, city: 'Rennes' },
  });
  const site = await prisma.site.create({ data: { name: 'Lycée des métiers Démo', slug: 'demo', establishmentId: establishment.id } });
  await prisma.siteDomain.create({ data: { host: 'ministage.lycee-exemple.fr', siteId: site.id } });
  const closed = await prisma.establishment.create({
    data: { uai: '0350033W', name: 'Lycée fermé', kind: 'LYCEE', isPublic: true, open: true, city: 'Rennes' },
  });
  await prisma.site.create({ data: { name: 'Plateforme fermée', slug: 'ferme', establishmentId: closed.id, active: false } });
});

/** The origin of the links an email sent from this request would hold. */
function linkOrigin(host: string | null, forwardedProto: string | null = null): Promise<string> {
  mockHeaders = new Headers();
  if (host !== null) mockHeaders.set('host', host);
  if (forwardedProto !== null) mockHeaders.set('x-forwarded-proto', forwardedProto);
  return requestOrigin();
}

describe('the origin of links in emails', () => {
  it('keeps the portal and the platforms that exist, with their port and https', async () => {
    expect(await linkOrigin('localhost:3000')).toBe('http://localhost:3000');
    expect(await linkOrigin('demo.localhost:3000', 'http')).toBe('http://demo.localhost:3000');
    expect(await linkOrigin('ministage.lycee-exemple.fr', 'https')).toBe('https://ministage.lycee-exemple.fr');
  });

  it('falls back to the portal for a host that is no platform (or a closed one)', async () => {
    expect(await linkOrigin('evil.example:3000', 'http')).toBe('http://localhost:3000');
    expect(await linkOrigin('inconnu.localhost:3000', 'http')).toBe('http://localhost:3000');
    expect(await linkOrigin('ferme.localhost:3000', 'https')).toBe('https://localhost:3000');
    expect(await linkOrigin('localhost:3000@evil.example', 'http')).toBe('http://localhost');
  });

  it('without a Host header, is the portal on the server’s port', async () => {
    expect(await linkOrigin(null)).toBe(`http://localhost:${process.env.PORT ?? 3000}`);
  });

  it('accepts only http or https as the scheme', async () => {
    expect(await linkOrigin('localhost:3000', 'http://evil.example/?')).toBe('http://localhost:3000');
    expect(await linkOrigin('localhost:3000', 'javascript')).toBe('http://localhost:3000');
    expect(await linkOrigin('localhost:3000', 'https, http')).toBe('https://localhost:3000');
  });
});
