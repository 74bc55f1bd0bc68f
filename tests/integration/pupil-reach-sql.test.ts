// The pupils' reach written twice — a Prisma `where` (pupilsInReach) for the pages, an SQL condition
// (pupilsInReachSql) for « Inscrire un stagiaire »'s raw pre-read — selects the same pupils, for the
// whole collège and for a professeur principal (active, then revoked), never an anonymised pupil or
// another collège's.
import { useTestDb } from '../helpers/db';
import { makeClass, makePupil, makeTeam } from '../factories/college';
import { makeMember } from '../factories/people';
import { pupilsInReach, pupilsInReachSql, type PupilReach } from '@/lib/classes/access';

const db = useTestDb();

it('selects the same pupils as the Prisma where, for every kind of reach', async () => {
  const p = db().prisma;
  const team = await makeTeam(p);
  const other = await makeTeam(p);
  const est = team.establishmentId;
  await makePupil(p, { establishmentId: est, classRoomId: team.classA.id, withAccount: false });
  await makePupil(p, { establishmentId: est, classRoomId: team.classB.id, withAccount: false });
  await makePupil(p, { establishmentId: est, classRoomId: null, withAccount: false });
  const gone = await makePupil(p, { establishmentId: est, classRoomId: team.classA.id, withAccount: false });
  await p.pupil.update({ where: { id: gone.pupil.id }, data: { anonymisedAt: new Date('2026-07-01T00:00:00Z') } });
  // A second PP on class B whose membership is then revoked: he reaches nobody.
  const revoked = await makeMember(p, { establishmentId: est, role: 'MAIN_TEACHER' });
  await p.classTeacher.create({ data: { classRoomId: team.classB.id, membershipId: revoked.membership.id } });
  await p.membership.update({ where: { id: revoked.membership.id }, data: { status: 'REVOKED' } });
  // The other collège's class taught by our PP's membership cannot exist; its pupils stay out anyway.
  await makeClass(p, { establishmentId: other.establishmentId });
  const all = (await p.pupil.findMany({ select: { id: true } })).map((r) => r.id);

  const reaches: [string, PupilReach][] = [
    ['whole collège', { establishmentId: est, membershipId: team.members.PRINCIPAL.membership.id, wholeCollege: true }],
    ['professeur principal of 3e A', { establishmentId: est, membershipId: team.members.MAIN_TEACHER.membership.id, wholeCollege: false }],
    ['revoked professeur principal', { establishmentId: est, membershipId: revoked.membership.id, wholeCollege: false }],
  ];
  const sizes: Record<string, number> = {};
  for (const [label, reach] of reaches) {
    const viaPrisma = (await p.pupil.findMany({ where: { AND: [{ id: { in: all } }, pupilsInReach(reach)] }, select: { id: true } })).map((r) => r.id).sort();
    const viaSql = (await p.$queryRaw<{ id: string }[]>`SELECT p."id" FROM "Pupil" p WHERE p."id" = ANY(${all}::text[]) AND ${pupilsInReachSql(reach)}`)
      .map((r) => r.id)
      .sort();
    expect([label, viaSql]).toEqual([label, viaPrisma]);
    sizes[label] = viaSql.length;
  }
  // Not vacuous: the whole collège sees its four living pupils, the PP the two of 3e A, the revoked PP none.
  expect(sizes).toEqual({ 'whole collège': 4, 'professeur principal of 3e A': 2, 'revoked professeur principal': 0 });
});
