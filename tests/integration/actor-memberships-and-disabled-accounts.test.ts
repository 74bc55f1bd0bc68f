// lib/core/actor.ts: who is asking, read fresh from the database on every request.
import { useTestDb } from '../helpers/db';
import { seedReference } from '../factories/accounts';
import { makeEstablishment, makeUser } from '../factories/people';
import { loadActor } from '@/lib/core/actor';

const db = useTestDb();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  const a = await makeEstablishment(prisma, { uai: '0350033W', name: 'Collège A', registeredAt: new Date() });
  const b = await makeEstablishment(prisma, { uai: '0352274G', name: 'Collège B', registeredAt: new Date() });
  ids.a = a.id;
  ids.b = b.id;
  const two = await makeUser(prisma, { login: 'deux@ac-rennes.fr' });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: a.id, role: 'TEACHER', status: 'ACTIVE', createdAt: new Date('2025-09-01') } });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: b.id, role: 'PRINCIPAL', status: 'ACTIVE', createdAt: new Date('2026-01-01') } });
  ids.two = two.id;
  const revoked = await makeUser(prisma, { login: 'retire@ac-rennes.fr' });
  await prisma.membership.create({ data: { userId: revoked.id, establishmentId: a.id, role: 'PRINCIPAL', status: 'REVOKED', createdAt: new Date('2025-09-01') } });
  await prisma.membership.create({ data: { userId: revoked.id, establishmentId: b.id, role: 'TEACHER', status: 'ACTIVE', createdAt: new Date('2026-01-01') } });
  ids.revoked = revoked.id;
  const onlyRevoked = await makeUser(prisma, { login: 'seulement.retire@ac-rennes.fr' });
  await prisma.membership.create({ data: { userId: onlyRevoked.id, establishmentId: a.id, role: 'PRINCIPAL', status: 'REVOKED' } });
  ids.onlyRevoked = onlyRevoked.id;
  const disabled = await makeUser(prisma, { login: 'desactive@ac-rennes.fr', status: 'DISABLED', isOperator: true });
  await prisma.membership.create({ data: { userId: disabled.id, establishmentId: a.id, role: 'PRINCIPAL', status: 'ACTIVE' } });
  ids.disabled = disabled.id;
});

describe('loadActor', () => {
  it('gives a person with two active memberships exactly one establishment and only that role', async () => {
    const actor = await loadActor({ userId: ids.two, host: 'localhost' });
    expect(actor.member?.establishmentId).toBe(ids.a);
    expect(actor.roles).toEqual(['TEACHER']);
  });

  it('ignores a revoked membership: neither its establishment nor its role', async () => {
    const actor = await loadActor({ userId: ids.revoked, host: 'localhost' });
    expect(actor.member?.establishmentId).toBe(ids.b);
    expect(actor.roles).toEqual(['TEACHER']);
    const alone = await loadActor({ userId: ids.onlyRevoked, host: 'localhost' });
    expect(alone.user).not.toBeNull();
    expect(alone.member).toBeNull();
    expect(alone.roles).toEqual([]);
  });

  it('treats a disabled account as nobody (no membership, no operator role)', async () => {
    const actor = await loadActor({ userId: ids.disabled, host: 'localhost' });
    expect(actor).toMatchObject({ user: null, member: null, roles: [] });
  });

  it('refuses a session from before a password change (sessionVersion)', async () => {
    await db().prisma.user.update({ where: { id: ids.two }, data: { sessionVersion: 1 } });
    expect((await loadActor({ userId: ids.two, sessionVersion: 0, host: 'localhost' })).user).toBeNull();
    expect((await loadActor({ userId: ids.two, sessionVersion: 1, host: 'localhost' })).user).not.toBeNull();
  });
});
