// A staff member of two collèges chooses which one they act for (lib/team/acting.ts): remembered on
// the account, every page and action follows (lib/core/actor.ts), and nobody can pick a collège
// they are not an active member of.
import { useTestDb } from '../helpers/db';
import { seedReference } from '../factories/accounts';
import { makeEstablishment, makeUser } from '../factories/people';
import { loadActor } from '@/lib/core/actor';
import { chooseEstablishment } from '@/lib/team/acting';

const db = useTestDb();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  const a = await makeEstablishment(prisma, { uai: '0350033W', name: 'Collège A', registeredAt: new Date('2025-06-01') });
  const b = await makeEstablishment(prisma, { uai: '0352274G', name: 'Collège B', registeredAt: new Date('2025-06-01') });
  const c = await makeEstablishment(prisma, { uai: '0350041E', name: 'Collège C', registeredAt: new Date('2025-06-01') });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  const two = await makeUser(prisma, { login: 'deux.colleges@ac-rennes.fr' });
  ids.two = two.id;
  await prisma.membership.create({ data: { userId: two.id, establishmentId: a.id, role: 'TEACHER', status: 'ACTIVE', createdAt: new Date('2025-09-01') } });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: b.id, role: 'MAIN_TEACHER', status: 'ACTIVE', createdAt: new Date('2026-01-01') } });
  await prisma.membership.create({ data: { userId: two.id, establishmentId: c.id, role: 'PRINCIPAL', status: 'REVOKED', createdAt: new Date('2024-01-01') } });
});

describe('the establishment switch', () => {
  it('lists the active memberships and acts for the oldest until a choice is made', async () => {
    const actor = await loadActor({ userId: ids.two, host: 'localhost' });
    expect(actor.memberships.map((m) => m.establishmentName)).toEqual(['Collège A', 'Collège B']);
    expect(actor.member?.establishmentId).toBe(ids.a);
    expect(actor.roles).toEqual(['TEACHER']);
  });

  it('acts for the chosen collège, with its role, on every host', async () => {
    expect(await chooseEstablishment(ids.two, ids.b)).toEqual({ establishmentName: 'Collège B' });
    for (const host of ['localhost', 'demo.localhost']) {
      const actor = await loadActor({ userId: ids.two, host });
      expect(actor.member?.establishmentId).toBe(ids.b);
      expect(actor.roles).toEqual(['MAIN_TEACHER']);
    }
  });

  it('refuses a collège the person is not (or no longer) an active member of, and changes nothing', async () => {
    for (const id of [ids.c, 'cl_inconnu'])
      await expect(chooseEstablishment(ids.two, id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Vous ne faites pas partie de l’équipe de cet établissement.' });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: ids.two } })).actingEstablishmentId).toBe(ids.b);
  });

  it('falls back to the oldest membership when the chosen one ends', async () => {
    await db().prisma.membership.updateMany({ where: { userId: ids.two, establishmentId: ids.b }, data: { status: 'REVOKED' } });
    const actor = await loadActor({ userId: ids.two, host: 'localhost' });
    expect(actor.member?.establishmentId).toBe(ids.a);
    expect(actor.memberships).toHaveLength(1);
  });
});
