import { useTestDb } from '../helpers/db';
import { prisma } from '@/lib/core/db';

const db = useTestDb();

describe('the database layer', () => {
  it('applies the migrations and lets the app client query them', async () => {
    await db().prisma.academy.create({ data: { code: 'rennes', name: 'Rennes', emailDomain: 'ac-rennes.fr', holidayZone: 'B' } });
    expect(await prisma.academy.count()).toBe(1);
  });

  it('refuses more enrolments than the capacity at the database level', async () => {
    const lycee = await prisma.establishment.create({ data: { uai: '0352958A', name: 'Lycée', kind: 'LYCEE' } });
    const site = await prisma.site.create({ data: { establishmentId: lycee.id, name: 'Site', slug: 'site-db' } });
    const formation = await prisma.formation.create({ data: { siteId: site.id, type: 'CAP', name: 'Cuisine' } });
    const stage = await prisma.stage.create({
      data: { siteId: site.id, formationId: formation.id, date: new Date('2027-03-10'), startMinutes: 540, endMinutes: 720, capacity: 1 },
    });
    await prisma.stage.update({ where: { id: stage.id }, data: { enrolledCount: 1 } });
    await expect(prisma.stage.update({ where: { id: stage.id }, data: { enrolledCount: 2 } })).rejects.toThrow();
  });

  it('refuses a second platform for the same lycée at the database level', async () => {
    const lycee = await prisma.establishment.findUniqueOrThrow({ where: { uai: '0352958A' } });
    await expect(prisma.site.create({ data: { establishmentId: lycee.id, name: 'Doublon', slug: 'doublon' } })).rejects.toThrow();
  });

  it('refuses to delete a class that still has pupils (foreign key restrict)', async () => {
    const college = await prisma.establishment.create({ data: { uai: '0350031U', name: 'Collège test', kind: 'COLLEGE' } });
    const room = await prisma.classRoom.create({ data: { establishmentId: college.id, name: '3e A', level: '3e', schoolYear: 2026, joinCode: 'DBTST2' } });
    await prisma.pupil.create({ data: { establishmentId: college.id, classRoomId: room.id, schoolYear: 2026, firstName: 'A', lastName: 'B' } });
    await expect(prisma.classRoom.delete({ where: { id: room.id } })).rejects.toThrow();
  });
});
