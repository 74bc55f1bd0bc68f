// One database world per fuzz file: two collèges (ours, another), two lycée platforms (ours on
// demo.localhost, another), stages, an enrolment on each side, an operator. Ids of both sides feed
// the generators: ours to reach the deep paths, the other's to check nothing leaks across.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { setNow } from '@/lib/core/clock';
import { seedReference } from '../../factories/accounts';
import { makeTeam } from '../../factories/college';
import { makeUser } from '../../factories/people';
import { makeSite, makeStage, NOW } from '../../factories/sites';
import { watchChanges } from './harness';

export async function makeWorld(prisma: PrismaClient) {
  setNow(NOW, { frozen: true });
  await seedReference(prisma);
  const team = await makeTeam(prisma, { name: 'Collège Anne de Bretagne' });
  const other = await makeTeam(prisma, { name: 'Collège Les Ormeaux' });
  const operator = await makeUser(prisma, { isOperator: true });
  const site = await makeSite(prisma, { slug: 'demo', uai: '0350032V' });
  const elsewhere = await makeSite(prisma, { slug: 'autre', uai: '0350001A' });
  const stage = await makeStage(prisma, site, { date: '2026-12-10', capacity: 8 });
  const otherStage = await makeStage(prisma, elsewhere, { date: '2026-12-11', capacity: 8 });
  const contact = await prisma.contact.create({ data: { siteId: site.site.id, name: 'Mme Le Goff', role: 'DDFPT', position: 0 } });
  const enrolment = await prisma.enrolment.create({
    data: { stageId: stage.id, pupilId: team.pupil.id, establishmentId: team.establishmentId, enrolledById: team.members.PRINCIPAL.user.id, status: 'CONFIRMED' },
  });
  await prisma.stage.update({ where: { id: stage.id }, data: { enrolledCount: 1 } });
  const otherEnrolment = await prisma.enrolment.create({
    data: { stageId: otherStage.id, pupilId: other.pupil.id, establishmentId: other.establishmentId, enrolledById: other.members.PRINCIPAL.user.id, status: 'CONFIRMED' },
  });
  await prisma.stage.update({ where: { id: otherStage.id }, data: { enrolledCount: 1 } });
  await watchChanges(prisma);
  const ids = {
    classes: [team.classA.id, team.classB.id, other.classA.id],
    pupils: [team.pupil.id, other.pupil.id],
    memberships: [team.members.TEACHER.membership.id, other.members.TEACHER.membership.id],
    establishments: [team.establishmentId, other.establishmentId, site.lycee.id],
    stages: [stage.id, otherStage.id],
    formations: [site.formations.elec.id, elsewhere.formations.elec.id],
    teachers: [site.teachers.durand.id, elsewhere.teachers.durand.id],
    enrolments: [enrolment.id, otherEnrolment.id],
    sites: [site.site.id, elsewhere.site.id],
    contacts: [contact.id],
  };
  return { team, other, operator, site, elsewhere, stage, otherStage, enrolment, otherEnrolment, ids };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
