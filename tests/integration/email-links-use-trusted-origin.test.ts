// Links in emails (activation, password reset, invitations) are built from the request's origin:
// a forged Host or X-Forwarded-Proto must never make them point to another site.
import { useTestDb } from '../helpers/db';
import { trustedOrigin } from '@/lib/core/actor';

const db = useTestDb();

beforeAll(async () => {
  const { prisma } = db();
  const establishment = await prisma.establishment.create({
    data: { uai: '0350032V', name: 'Lycée Louis Guilloux', kind: 'LYCEE', isPublic: true, open: true, city: 'Rennes' },
  });
  const site = await prisma.site.create({ data: { name: 'Lycée des métiers Démo', slug: 'demo', establishmentId: establishment.id } });
  await prisma.siteDomain.create({ data: { host: 'ministage.lycee-exemple.fr', siteId: site.id } });
});

describe('trustedOrigin (links in emails)', () => {
  it('keeps the portal and the platforms that exist, with their port and https', async () => {
    expect(await trustedOrigin('localhost:3000', null)).toBe('http://localhost:3000');
    expect(await trustedOrigin('demo.localhost:3000', 'http')).toBe('http://demo.localhost:3000');
    expect(await trustedOrigin('ministage.lycee-exemple.fr', 'https')).toBe('https://ministage.lycee-exemple.fr');
  });

  it('falls back to the portal for a host that is no platform', async () => {
    expect(await trustedOrigin('evil.example:3000', 'http')).toBe('http://localhost:3000');
    expect(await trustedOrigin('inconnu.localhost:3000', 'http')).toBe('http://localhost:3000');
    expect(await trustedOrigin('localhost:3000@evil.example', 'http')).toBe('http://localhost');
    expect(await trustedOrigin(null, null)).toBe('http://localhost');
  });

  it('accepts only http or https as the scheme', async () => {
    expect(await trustedOrigin('localhost:3000', 'http://evil.example/?')).toBe('http://localhost:3000');
    expect(await trustedOrigin('localhost:3000', 'javascript')).toBe('http://localhost:3000');
    expect(await trustedOrigin('localhost:3000', 'https, http')).toBe('https://localhost:3000');
  });
});
