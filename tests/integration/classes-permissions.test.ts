// The authorization matrix of classes and pupils: each action × each role → allowed or refused;
// another collège's class or pupil is *not found*.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { MATRIX_ROLES, expectedOutcome, makeClass, makePupil, makeTeam, matrixActors, type MatrixRole, type Team } from '../factories/college';
import {
  assignTeachersAction, createClassAction, deleteClassAction, detachPupilAction, movePupilsAction,
  regenerateJoinCodeAction, updateClassAction, updateGuardiansAction,
} from '@/lib/classes/actions';
import { startRolloverAction } from '@/lib/classes/rollover-actions';
import type { ActionResult } from '@/lib/core/action-types';

const db = useTestDb();
let team: Team;
let other: Team;
let actors: Record<MatrixRole, string | null>;
let n = 0;

const TEAM = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'];
const HEADS = ['PRINCIPAL', 'DEPUTY'];

type Case = { name: string; allowed: string[]; scoped: boolean; run: () => Promise<ActionResult<unknown>> };

const newClass = () => makeClass(db().prisma, { establishmentId: team.establishmentId, name: `Mat ${++n}` });
const newPupil = async () => (await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id })).pupil;

const cases: Case[] = [
  { name: 'add a class', allowed: TEAM, scoped: false, run: () => createClassAction({ name: `Nouvelle ${++n}`, level: '4e' }) },
  { name: 'rename a class / change its filière', allowed: TEAM, scoped: true, run: async () => updateClassAction({ classRoomId: (await newClass()).id, name: `Renommée ${++n}`, level: 'ULIS' }) },
  { name: 'delete an empty class', allowed: TEAM, scoped: true, run: async () => deleteClassAction({ classRoomId: (await newClass()).id }) },
  { name: 'new join code', allowed: TEAM, scoped: true, run: async () => regenerateJoinCodeAction({ classRoomId: (await newClass()).id }) },
  { name: 'assign professeurs principaux', allowed: HEADS, scoped: true, run: async () => assignTeachersAction({ classRoomId: (await newClass()).id, membershipIds: [team.members.MAIN_TEACHER.membership.id] }) },
  { name: 'move a pupil', allowed: TEAM, scoped: true, run: async () => movePupilsAction({ moves: [{ pupilId: (await newPupil()).id, classRoomId: team.classB.id }] }) },
  { name: 'detach a pupil', allowed: TEAM, scoped: true, run: async () => detachPupilAction({ pupilId: (await newPupil()).id }) },
  { name: "fill in a pupil's guardians", allowed: TEAM, scoped: true, run: async () => updateGuardiansAction({ pupilId: (await newPupil()).id, guardians: [{ lastName: 'A', firstName: 'B', email: 'a@b.fr', phone: '' }] }) },
  { name: 'dry-run the school-year rollover', allowed: ['OPERATOR'], scoped: false, run: () => startRolloverAction({ year: 2020, dryRun: true }) },
];

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
  actors = await matrixActors(db().prisma, team, other);
});

describe.each(cases)('$name', (c) => {
  it.each(MATRIX_ROLES.map((role) => [role, expectedOutcome(role, c.allowed, { scoped: c.scoped })]))('%s → %s', async (role, expected) => {
    actAs(actors[role as MatrixRole]);
    const res = await c.run();
    expect(res.ok ? 'OK' : res.error.code).toBe(expected);
  });
});

describe("another collège's rows are not found, and never changed", () => {
  it('a teacher of another collège can neither rename, delete, nor move into our classes', async () => {
    actAs(other.members.TEACHER.user.id);
    const room = await newClass();
    expect(await updateClassAction({ classRoomId: room.id, name: 'X', level: '3e' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await deleteClassAction({ classRoomId: room.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await movePupilsAction({ moves: [{ pupilId: other.pupil.id, classRoomId: room.id }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await db().prisma.classRoom.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({ name: room.name });
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: other.pupil.id } })).classRoomId).toBe(other.classA.id);
  });

  it('a class created by another collège lands in that collège, never in ours', async () => {
    actAs(other.members.TEACHER.user.id);
    const res = await createClassAction({ name: 'Chez eux', level: '3e' });
    expect(res.ok).toBe(true);
    expect(await db().prisma.classRoom.findFirstOrThrow({ where: { name: 'Chez eux' } })).toMatchObject({ establishmentId: other.establishmentId });
  });

  it('ignores an establishment id sent by the client', async () => {
    actAs(other.members.TEACHER.user.id);
    await createClassAction({ name: 'Intrusion', level: '3e', establishmentId: team.establishmentId });
    expect(await db().prisma.classRoom.findFirstOrThrow({ where: { name: 'Intrusion' } })).toMatchObject({ establishmentId: other.establishmentId });
  });
});
