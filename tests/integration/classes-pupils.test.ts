// Managing pupils: moves (one, many), a class for pupils without one, detaching, guardians — by
// the whole-collège office (scope `wholeCollege`) and by a professeur principal (their classes only).
import { useTestDb } from '../helpers/db';
import { makeClass, makePupil, makeTeam, type Team } from '../factories/college';
import { makeMember, makeUser } from '../factories/people';
import { detachPupil, movePupils, updateGuardians } from '@/lib/classes/pupils';
import { countPupilsWithoutClass, getClassDetail, getPupilDetail, listPupilsInClasses, pupilsWithoutClass } from '@/lib/classes/queries';
import type { AppError } from '@/lib/core/errors';

const db = useTestDb();
let team: Team;
let other: Team;
/** The secretariat: every pupil of the collège. */
const scope = () => ({
  establishmentId: team.establishmentId,
  actorId: team.members.SECRETARY.user.id,
  membershipId: team.members.SECRETARY.membership.id,
  wholeCollege: true,
});
/** The professeur principal of 3e A: that class only. */
const ppScope = () => ({
  establishmentId: team.establishmentId,
  actorId: team.members.MAIN_TEACHER.user.id,
  membershipId: team.members.MAIN_TEACHER.membership.id,
  wholeCollege: false,
});
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: AppError) => e.code,
  );
const classOf = async (id: string) => (await db().prisma.pupil.findUniqueOrThrow({ where: { id } })).classRoomId;

beforeAll(async () => {
  team = await makeTeam(db().prisma);
  other = await makeTeam(db().prisma);
});

describe('moving pupils', () => {
  it('moves a pupil from 3e A to 3e B and audits where from and where to (no names)', async () => {
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id, firstName: 'Léa' });
    await expect(movePupils(scope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classB.id }] })).resolves.toEqual({ moved: 1 });
    expect(await classOf(pupil.id)).toBe(team.classB.id);
    const audit = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: 'pupil.move', targetId: pupil.id } });
    expect(audit.data).toEqual({ from: { id: team.classA.id, name: '3e A' }, to: { id: team.classB.id, name: '3e B' } });
    expect(JSON.stringify(audit.data)).not.toContain('Léa');
  });

  it('moves a whole selection at once and counts only real changes', async () => {
    const pupils = await Promise.all([1, 2, 3].map(() => makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id })));
    const moves = pupils.map(({ pupil }) => ({ pupilId: pupil.id, classRoomId: team.classB.id }));
    expect(await movePupils(scope(), { moves })).toEqual({ moved: 3 });
    expect(await movePupils(scope(), { moves })).toEqual({ moved: 0 });
    for (const { pupil } of pupils) expect(await classOf(pupil.id)).toBe(team.classB.id);
  });

  it('takes the level of the target class', async () => {
    const segpa = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '4e SEGPA', level: 'SEGPA' });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    await movePupils(scope(), { moves: [{ pupilId: pupil.id, classRoomId: segpa.id }] });
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).level).toBe('SEGPA');
  });

  it('moves nobody when one pupil or one class belongs to another collège (all or nothing)', async () => {
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    expect(
      await code(
        movePupils(scope(), {
          moves: [
            { pupilId: pupil.id, classRoomId: team.classB.id },
            { pupilId: other.pupil.id, classRoomId: team.classB.id },
          ],
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await classOf(pupil.id)).toBe(team.classA.id);
    expect(await code(movePupils(scope(), { moves: [{ pupilId: pupil.id, classRoomId: other.classB.id }] }))).toBe('NOT_FOUND');
    expect(await classOf(pupil.id)).toBe(team.classA.id);
    expect(await classOf(other.pupil.id)).toBe(other.classA.id);
  });
});

describe('pupils without a class', () => {
  it('counts them for the badge and gives them a class (« Choisissez une classe »)', async () => {
    const before = await countPupilsWithoutClass(team.establishmentId);
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: null });
    expect(await countPupilsWithoutClass(team.establishmentId)).toBe(before + 1);
    expect((await pupilsWithoutClass(scope())).map((p) => p.id)).toContain(pupil.id);
    expect((await pupilsWithoutClass({ ...scope(), establishmentId: other.establishmentId })).map((p) => p.id)).not.toContain(pupil.id);
    await movePupils(scope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classA.id }] });
    expect(await countPupilsWithoutClass(team.establishmentId)).toBe(before);
    expect(await db().prisma.auditEntry.count({ where: { action: 'pupil.assign', targetId: pupil.id } })).toBe(1);
  });
});

describe('« Cet élève ne fait pas partie de mon établissement »', () => {
  it('detaches the pupil from the collège and its class, audits it and tells the pupil by email', async () => {
    const user = await makeUser(db().prisma, { email: 'eleve.detache@exemple.fr', login: 'eleve.detache@exemple.fr' });
    const pupil = await db().prisma.pupil.create({
      data: {
        userId: user.id,
        establishmentId: team.establishmentId,
        classRoomId: team.classA.id,
        firstName: 'Tom',
        lastName: 'Martin',
        schoolYear: team.classA.schoolYear,
        level: '3e',
      },
    });
    await detachPupil(scope(), { pupilId: pupil.id });
    const after = await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } });
    expect(after).toMatchObject({ establishmentId: null, classRoomId: null, firstName: 'Tom' });
    expect(await db().prisma.auditEntry.count({ where: { action: 'pupil.detach', targetId: pupil.id, establishmentId: team.establishmentId } })).toBe(1);
    const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { to: 'eleve.detache@exemple.fr', template: 'pupil-detached' } });
    expect(mail.text).toMatch(/n'est plus rattaché/);
    // The collège no longer sees the pupil.
    expect(await code(movePupils(scope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classA.id }] }))).toBe('NOT_FOUND');
  });

  it("cannot detach another collège's pupil", async () => {
    expect(await code(detachPupil(scope(), { pupilId: other.pupil.id }))).toBe('NOT_FOUND');
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: other.pupil.id } })).establishmentId).toBe(other.establishmentId);
  });
});

describe('legal guardians filled in by the staff', () => {
  it('stores at most two, ranked, with a normalised phone number, and replaces them on the next save', async () => {
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    await updateGuardians(scope(), {
      pupilId: pupil.id,
      guardians: [
        { lastName: 'Morel', firstName: 'Sophie', email: 'Sophie.Morel@Exemple.fr', phone: '06 12 34 56 78' },
        { lastName: '', firstName: '', email: '', phone: '' },
      ],
    });
    let rows = await db().prisma.guardian.findMany({ where: { pupilId: pupil.id } });
    expect(rows).toEqual([expect.objectContaining({ rank: 1, lastName: 'Morel', email: 'sophie.morel@exemple.fr', phone: '0612345678' })]);
    await updateGuardians(scope(), { pupilId: pupil.id, guardians: [] });
    rows = await db().prisma.guardian.findMany({ where: { pupilId: pupil.id } });
    expect(rows).toEqual([]);
  });

  it("does not touch another collège's pupil", async () => {
    expect(await code(updateGuardians(scope(), { pupilId: other.pupil.id, guardians: [] }))).toBe('NOT_FOUND');
  });
});

describe('a professeur principal: the pupils of their own classes only', () => {
  it('moves a pupil of their class to another class, and then no longer reaches them', async () => {
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    expect(await movePupils(ppScope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classB.id }] })).toEqual({ moved: 1 });
    expect(await classOf(pupil.id)).toBe(team.classB.id);
    expect(await code(movePupils(ppScope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classA.id }] }))).toBe('NOT_FOUND');
    expect(await classOf(pupil.id)).toBe(team.classB.id);
  });

  it('takes a pupil without class into their class, not into another one', async () => {
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: null });
    const err = await movePupils(ppScope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classB.id }] }).catch((e: AppError) => e);
    expect((err as AppError).code).toBe('FORBIDDEN');
    expect((err as AppError).message).toMatch(/l’une de vos classes/);
    expect(await classOf(pupil.id)).toBeNull();
    expect(await movePupils(ppScope(), { moves: [{ pupilId: pupil.id, classRoomId: team.classA.id }] })).toEqual({ moved: 1 });
    expect(await classOf(pupil.id)).toBe(team.classA.id);
  });

  it('checks every pupil of a batch: one pupil of another class and nobody moves', async () => {
    const mine = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    const theirs = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id });
    const moves = [
      { pupilId: mine.pupil.id, classRoomId: team.classB.id },
      { pupilId: theirs.pupil.id, classRoomId: team.classA.id },
    ];
    expect(await code(movePupils(ppScope(), { moves }))).toBe('NOT_FOUND');
    expect(await classOf(mine.pupil.id)).toBe(team.classA.id);
    expect(await classOf(theirs.pupil.id)).toBe(team.classB.id);
    expect(await db().prisma.auditEntry.count({ where: { targetId: { in: [mine.pupil.id, theirs.pupil.id] } } })).toBe(0);
  });

  it('reaches the pupils of every class they are PP of, and only while the link exists', async () => {
    const room = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '4e PP' });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: room.id });
    expect(await code(updateGuardians(ppScope(), { pupilId: pupil.id, guardians: [] }))).toBe('NOT_FOUND');
    await db().prisma.classTeacher.create({ data: { classRoomId: room.id, membershipId: team.members.MAIN_TEACHER.membership.id } });
    expect(await code(updateGuardians(ppScope(), { pupilId: pupil.id, guardians: [] }))).toBe('OK');
    await db().prisma.classTeacher.delete({ where: { classRoomId_membershipId: { classRoomId: room.id, membershipId: team.members.MAIN_TEACHER.membership.id } } });
    expect(await code(updateGuardians(ppScope(), { pupilId: pupil.id, guardians: [] }))).toBe('NOT_FOUND');
  });

  it("is not reached through another PP's link, even one of the same collège", async () => {
    const pp2 = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    await db().prisma.classTeacher.create({ data: { classRoomId: team.classB.id, membershipId: pp2.membership.id } });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id });
    expect(await code(detachPupil(ppScope(), { pupilId: pupil.id }))).toBe('NOT_FOUND');
    const pp2Scope = { establishmentId: team.establishmentId, actorId: pp2.user.id, membershipId: pp2.membership.id, wholeCollege: false };
    expect(await code(detachPupil(pp2Scope, { pupilId: pupil.id }))).toBe('OK');
    await db().prisma.classTeacher.deleteMany({ where: { membershipId: pp2.membership.id } });
  });

  it('detaches a pupil of their class, not a pupil without class nor one of another class', async () => {
    const mine = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    const without = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: null });
    const theirs = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id });
    expect(await code(detachPupil(ppScope(), { pupilId: without.pupil.id }))).toBe('NOT_FOUND');
    expect(await code(detachPupil(ppScope(), { pupilId: theirs.pupil.id }))).toBe('NOT_FOUND');
    expect(await code(detachPupil(ppScope(), { pupilId: mine.pupil.id }))).toBe('OK');
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: mine.pupil.id } })).establishmentId).toBeNull();
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: without.pupil.id } })).establishmentId).toBe(team.establishmentId);
  });
});

describe('read models scoped by reach', () => {
  it('a PP reads the pupils of their class, and sees no pupil of another class', async () => {
    const mine = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classA.id });
    const theirs = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id });
    expect(await getPupilDetail(ppScope(), mine.pupil.id)).toMatchObject({ id: mine.pupil.id });
    expect(await getPupilDetail(ppScope(), theirs.pupil.id)).toBeNull();
    expect(await getPupilDetail(scope(), theirs.pupil.id)).toMatchObject({ id: theirs.pupil.id });
    expect(await getPupilDetail(scope(), other.pupil.id)).toBeNull();

    const listed = (await listPupilsInClasses(ppScope())).map((p) => p.id);
    expect(listed).toContain(mine.pupil.id);
    expect(listed).not.toContain(theirs.pupil.id);
    expect((await listPupilsInClasses(scope())).map((p) => p.id)).toEqual(expect.arrayContaining([mine.pupil.id, theirs.pupil.id]));
    expect((await listPupilsInClasses(scope())).map((p) => p.id)).not.toContain(other.pupil.id);
  });

  it('a class page holds its pupils only for those who reach them (counts stay visible)', async () => {
    const own = await getClassDetail(team.establishmentId, team.classA.id, ppScope());
    expect(own?.pupils?.length).toBeGreaterThan(0);
    const notOwn = await getClassDetail(team.establishmentId, team.classB.id, ppScope());
    expect(notOwn).toMatchObject({ name: '3e B', pupils: null });
    expect(notOwn!.pupilCount).toBeGreaterThan(0);
    expect(await getClassDetail(team.establishmentId, team.classB.id, null)).toMatchObject({ pupils: null });
    expect((await getClassDetail(team.establishmentId, team.classB.id, scope()))?.pupils?.length).toBe(notOwn!.pupilCount);
    expect(await getClassDetail(team.establishmentId, other.classA.id, scope())).toBeNull();
  });
});
