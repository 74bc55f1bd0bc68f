// The authorization matrix of classes and pupils: each action × each role → allowed or refused;
// another collège's class or pupil is *not found*. Pupils' acts are walked on four pupils: one of
// the professeur principal's own class (3e A), one of another class (3e B), one without a class,
// one of another collège — and a refused act never changes the row.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { MATRIX_ROLES, expectedOutcome, makeClass, makePupil, makeTeam, matrixActors, type MatrixRole, type Team } from '../factories/college';
import {
  assignTeachersAction,
  createClassAction,
  deleteClassAction,
  detachPupilAction,
  movePupilsAction,
  regenerateJoinCodeAction,
  updateClassAction,
  updateGuardiansAction,
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
/** pupils:manage-all — the whole collège's pupils. */
const PUPIL_OFFICE = ['PRINCIPAL', 'DEPUTY', 'SECRETARY', 'CPE'];

type Code = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
type Case = { name: string; allowed: string[]; scoped: boolean; run: () => Promise<ActionResult<unknown>> };

const newClass = () => makeClass(db().prisma, { establishmentId: team.establishmentId, name: `Mat ${++n}` });

const cases: Case[] = [
  { name: 'add a class', allowed: TEAM, scoped: false, run: () => createClassAction({ name: `Nouvelle ${++n}`, level: '4e' }) },
  {
    name: 'rename a class / change its filière',
    allowed: TEAM,
    scoped: true,
    run: async () => updateClassAction({ classRoomId: (await newClass()).id, name: `Renommée ${++n}`, level: 'ULIS' }),
  },
  { name: 'delete an empty class', allowed: TEAM, scoped: true, run: async () => deleteClassAction({ classRoomId: (await newClass()).id }) },
  { name: 'new join code', allowed: TEAM, scoped: true, run: async () => regenerateJoinCodeAction({ classRoomId: (await newClass()).id }) },
  {
    name: 'assign professeurs principaux',
    allowed: HEADS,
    scoped: true,
    run: async () => assignTeachersAction({ classRoomId: (await newClass()).id, membershipIds: [team.members.MAIN_TEACHER.membership.id] }),
  },
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

// ── Pupils ──────────────────────────────────────────────────────────────────────────────────
// The professeur principal of the matrix (team.members.MAIN_TEACHER) is PP of 3e A, not of 3e B.

type Where = 'own class' | 'other class' | 'without class' | 'other collège';
const pupilIn = async (where: Where) => {
  const input =
    where === 'own class'
      ? { establishmentId: team.establishmentId, classRoomId: team.classA.id }
      : where === 'other class'
        ? { establishmentId: team.establishmentId, classRoomId: team.classB.id }
        : where === 'without class'
          ? { establishmentId: team.establishmentId, classRoomId: null }
          : { establishmentId: other.establishmentId, classRoomId: other.classA.id };
  return (await makePupil(db().prisma, input)).pupil;
};

/**
 * Expected answer of a pupil act: the whole-collège roles get `office`, the PP gets `pp`, the principal
 * of another collège gets `otherStaff` (not found on our pupils; OK on their own), everybody else of
 * the team and outside is refused, the anonymous must sign in.
 */
const expected = (role: MatrixRole, o: { office: Code; pp: Code; otherStaff?: Code }): Code => {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (PUPIL_OFFICE.includes(role)) return o.office;
  if (role === 'MAIN_TEACHER') return o.pp;
  if (role === 'OTHER_STAFF') return o.otherStaff ?? 'NOT_FOUND';
  return 'FORBIDDEN'; // TEACHER, COUNSELOR (reads only), PUPIL, STRANGER, OPERATOR
};

type PupilRow = { establishmentId: string | null; classRoomId: string | null; guardians: number };
const rowOf = async (id: string): Promise<PupilRow> => {
  const p = await db().prisma.pupil.findUniqueOrThrow({ where: { id }, include: { _count: { select: { guardians: true } } } });
  return { establishmentId: p.establishmentId, classRoomId: p.classRoomId, guardians: p._count.guardians };
};

type PupilCase = {
  name: string;
  where: Where;
  pp: Code;
  office?: Code;
  otherStaff?: Code;
  run: (pupilId: string) => Promise<ActionResult<unknown>>;
};
const guardian = [{ lastName: 'Morel', firstName: 'Sophie', email: 'sophie.morel@exemple.fr', phone: '' }];
const pupilCases: PupilCase[] = [
  // move one pupil (the class page's select, or « Choisissez une classe »)
  { name: 'move a pupil of 3e A (own) to 3e B', where: 'own class', pp: 'OK', run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: team.classB.id }] }) },
  { name: 'move a pupil of 3e A (own) out of any class', where: 'own class', pp: 'OK', run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: null }] }) },
  {
    name: 'move a pupil of 3e B (other class) into 3e A',
    where: 'other class',
    pp: 'NOT_FOUND',
    run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: team.classA.id }] }),
  },
  {
    name: 'move a pupil of 3e B (other class) to a new class',
    where: 'other class',
    pp: 'NOT_FOUND',
    run: async (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: (await newClass()).id }] }),
  },
  {
    name: 'give a pupil without class the class 3e A (own)',
    where: 'without class',
    pp: 'OK',
    run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: team.classA.id }] }),
  },
  {
    name: 'give a pupil without class the class 3e B (not own)',
    where: 'without class',
    pp: 'FORBIDDEN',
    run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: team.classB.id }] }),
  },
  {
    name: "move another collège's pupil into 3e A",
    where: 'other collège',
    pp: 'NOT_FOUND',
    office: 'NOT_FOUND',
    otherStaff: 'NOT_FOUND',
    run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: team.classA.id }] }),
  },
  {
    name: "move another collège's pupil within that collège",
    where: 'other collège',
    pp: 'NOT_FOUND',
    office: 'NOT_FOUND',
    otherStaff: 'OK',
    run: (id) => movePupilsAction({ moves: [{ pupilId: id, classRoomId: other.classB.id }] }),
  },
  // « Cet élève ne fait pas partie de mon établissement »
  { name: 'detach a pupil of 3e A (own)', where: 'own class', pp: 'OK', run: (id) => detachPupilAction({ pupilId: id }) },
  { name: 'detach a pupil of 3e B (other class)', where: 'other class', pp: 'NOT_FOUND', run: (id) => detachPupilAction({ pupilId: id }) },
  { name: 'detach a pupil without class', where: 'without class', pp: 'NOT_FOUND', run: (id) => detachPupilAction({ pupilId: id }) },
  {
    name: "detach another collège's pupil",
    where: 'other collège',
    pp: 'NOT_FOUND',
    office: 'NOT_FOUND',
    otherStaff: 'OK',
    run: (id) => detachPupilAction({ pupilId: id }),
  },
  // legal guardians on the pupil's page
  { name: 'fill in the guardians of a pupil of 3e A (own)', where: 'own class', pp: 'OK', run: (id) => updateGuardiansAction({ pupilId: id, guardians: guardian }) },
  {
    name: 'fill in the guardians of a pupil of 3e B (other class)',
    where: 'other class',
    pp: 'NOT_FOUND',
    run: (id) => updateGuardiansAction({ pupilId: id, guardians: guardian }),
  },
  {
    name: 'fill in the guardians of a pupil without class',
    where: 'without class',
    pp: 'NOT_FOUND',
    run: (id) => updateGuardiansAction({ pupilId: id, guardians: guardian }),
  },
  {
    name: "fill in the guardians of another collège's pupil",
    where: 'other collège',
    pp: 'NOT_FOUND',
    office: 'NOT_FOUND',
    otherStaff: 'OK',
    run: (id) => updateGuardiansAction({ pupilId: id, guardians: guardian }),
  },
];

describe.each(pupilCases)('$name', (c) => {
  it.each(MATRIX_ROLES.map((role) => [role, expected(role, { office: c.office ?? 'OK', pp: c.pp, otherStaff: c.otherStaff })]))('%s → %s', async (role, want) => {
    const pupil = await pupilIn(c.where);
    const before = await rowOf(pupil.id);
    actAs(actors[role as MatrixRole]);
    const res = await c.run(pupil.id);
    expect(res.ok ? 'OK' : res.error.code).toBe(want);
    if (!res.ok) {
      expect(res.error.message).toMatch(/introuvable|droits|classe|connect/i); // a French sentence, never a stack
      expect(await rowOf(pupil.id)).toEqual(before); // refused: nothing changed
    } else {
      expect(await rowOf(pupil.id)).not.toEqual(before);
    }
  });
});

describe('a move of many pupils at once is checked pupil by pupil (all or nothing)', () => {
  const ppActs = () => actAs(team.members.MAIN_TEACHER.user.id);

  it('the PP moves the whole selection of 3e A to 3e B', async () => {
    const pupils = await Promise.all([1, 2, 3].map(() => pupilIn('own class')));
    ppActs();
    const res = await movePupilsAction({ moves: pupils.map((p) => ({ pupilId: p.id, classRoomId: team.classB.id })) });
    expect(res).toEqual({ ok: true, data: { moved: 3 } });
    for (const p of pupils) expect((await rowOf(p.id)).classRoomId).toBe(team.classB.id);
  });

  it.each<[string, Where, string | null, Code]>([
    ['a pupil of 3e B slipped into the batch', 'other class', 'A', 'NOT_FOUND'],
    ["another collège's pupil slipped into the batch", 'other collège', 'A', 'NOT_FOUND'],
    ['a pupil without class sent to 3e B (not own)', 'without class', 'B', 'FORBIDDEN'],
  ])('moves nobody when %s', async (_what, where, target, code) => {
    const mine = await Promise.all([1, 2].map(() => pupilIn('own class')));
    const intruder = await pupilIn(where);
    const before = await rowOf(intruder.id);
    ppActs();
    const res = await movePupilsAction({
      moves: [
        ...mine.map((p) => ({ pupilId: p.id, classRoomId: team.classB.id })),
        { pupilId: intruder.id, classRoomId: target === 'A' ? team.classA.id : team.classB.id },
      ],
    });
    expect(res.ok ? 'OK' : res.error.code).toBe(code);
    for (const p of mine) expect((await rowOf(p.id)).classRoomId).toBe(team.classA.id);
    expect(await rowOf(intruder.id)).toEqual(before);
  });

  it('a teacher cannot move even a batch of one', async () => {
    const p = await pupilIn('own class');
    actAs(team.members.TEACHER.user.id);
    expect(await movePupilsAction({ moves: [{ pupilId: p.id, classRoomId: team.classB.id }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await rowOf(p.id)).classRoomId).toBe(team.classA.id);
  });

  it('refuses more than 500 pupils at once with a French message (no 500)', async () => {
    ppActs();
    const res = await movePupilsAction({ moves: Array.from({ length: 501 }, (_, i) => ({ pupilId: `p${i}`, classRoomId: team.classA.id })) });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { moves: ['Déplacez au plus 500 élèves à la fois.'] } } });
  });
});

describe("another collège's rows are not found, and never changed", () => {
  it('a teacher of another collège can neither rename, delete, nor move into our classes', async () => {
    actAs(other.members.TEACHER.user.id);
    const room = await newClass();
    expect(await updateClassAction({ classRoomId: room.id, name: 'X', level: '3e' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await deleteClassAction({ classRoomId: room.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await db().prisma.classRoom.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({ name: room.name });
  });

  it('a professeur principal of another collège cannot move their own pupil into our classes', async () => {
    actAs(other.members.MAIN_TEACHER.user.id);
    const room = await newClass();
    expect(await movePupilsAction({ moves: [{ pupilId: other.pupil.id, classRoomId: room.id }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
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
