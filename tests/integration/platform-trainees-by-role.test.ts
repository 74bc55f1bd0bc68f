// « Stagiaires » and a stage's window on a lycée platform show a collège member only the pupils
// they may see in their collège (their reach), as the portal does: a teacher sees none, a
// professeur principal the pupils of their class, the heads all; the platform's staff see everyone.
import { useTestDb } from '../helpers/db';
import { makePupil, makeTeam, type Team } from '../factories/college';
import { makeSite, makeStage, stageDay, type TestSite } from '../factories/sites';
import { loadActor } from '@/lib/core/actor';
import { listTrainees, stageEnrolments, traineeScopeOf } from '@/lib/enrolments/queries';

const db = useTestDb();
let team: Team;
let demo: TestSite;
let stageId = '';

beforeAll(async () => {
  const p = db().prisma;
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  stageId = (await makeStage(p, demo, { date: stageDay(20), capacity: 8, enrolled: 2 })).id;
  const { pupil: inB } = await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, firstName: 'Classeb' });
  for (const pupilId of [team.pupil.id, inB.id]) {
    await p.enrolment.create({ data: { stageId, pupilId, establishmentId: team.establishmentId, enrolledById: team.members.PRINCIPAL.user.id } });
  }
});

const seen = async (userId: string) => {
  const actor = await loadActor({ userId, host: demo.host });
  const scope = traineeScopeOf(actor);
  if (!scope) return { list: [], stage: 0 };
  const list = (await listTrainees(demo.site.id, scope)).map((t) => t.classRoom).sort();
  const stage = (await stageEnrolments(demo.site.id, stageId, scope)).length;
  return { list, stage };
};

describe('who sees which enrolled pupils on the platform', () => {
  it.each([
    ['PRINCIPAL', ['3e A', '3e B']],
    ['SECRETARY', ['3e A', '3e B']],
    ['CPE', ['3e A', '3e B']],
    ['COUNSELOR', ['3e A', '3e B']],
    ['MAIN_TEACHER', ['3e A']],
    ['TEACHER', []],
  ] as const)('a %s of the collège sees the pupils of %j', async (role, classes) => {
    const { list, stage } = await seen(team.members[role].user.id);
    expect(list).toEqual(classes);
    expect(stage).toBe(classes.length);
  });

  it('the platform’s staff see every enrolment; a stranger none', async () => {
    expect((await seen(demo.teacherUser.id)).list).toEqual(['3e A', '3e B']);
    const stranger = await db().prisma.user.create({ data: { login: 'inconnu@ac-rennes.fr', email: 'inconnu@ac-rennes.fr', status: 'ACTIVE' } });
    expect(await seen(stranger.id)).toEqual({ list: [], stage: 0 });
  });
});
