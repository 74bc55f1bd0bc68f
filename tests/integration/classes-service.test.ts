// Classes: create, rename / change filière, delete only when empty, professeurs principaux, join codes.
import { useTestDb } from '../helpers/db';
import { makeClass, makeCollege, makePupil, makeTeam, type Team } from '../factories/college';
import { makeMember } from '../factories/people';
import { assignMainTeachers, createClass, deleteClass, regenerateJoinCode, updateClass } from '@/lib/classes/service';
import { JOIN_CODE_ALPHABET } from '@/lib/classes/join-code';
import { schoolYearOf } from '@/lib/core/format';
import { AppError } from '@/lib/core/errors';

const db = useTestDb();
let team: Team;
let other: Team;
const scope = () => ({ establishmentId: team.establishmentId, actorId: team.members.MAIN_TEACHER.user.id });

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: AppError) => e.code,
  );

describe('creating a class', () => {
  it('creates « 4e C » in the current school year with a short unambiguous join code, and audits it', async () => {
    const room = await createClass(scope(), { name: '4e C', level: '4e' });
    expect(room).toMatchObject({ name: '4e C', level: '4e', schoolYear: schoolYearOf(), establishmentId: team.establishmentId });
    expect(room.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    const audit = await db().prisma.auditEntry.findFirst({ where: { action: 'class.create', targetId: room.id } });
    expect(audit?.actorId).toBe(team.members.MAIN_TEACHER.user.id);
  });

  it('refuses a second class with the same name (whatever the case) in the same collège and year', async () => {
    const err = await createClass(scope(), { name: '3E a', level: '3e' }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).fieldErrors?.name?.[0]).toMatch(/existe déjà/);
  });

  it('lets another collège use the same class name', async () => {
    await expect(createClass({ establishmentId: other.establishmentId, actorId: other.members.PRINCIPAL.user.id }, { name: '4e C', level: '4e' })).resolves.toBeTruthy();
  });

  it('gives every class a different join code', async () => {
    const codes = new Set((await db().prisma.classRoom.findMany({ select: { joinCode: true } })).map((c) => c.joinCode));
    expect(codes.size).toBe(await db().prisma.classRoom.count());
  });
});

describe('renaming and changing the filière', () => {
  it('renames a class and changes its filière; its pupils take the new level', async () => {
    const room = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '5e X', level: '5e' });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: room.id });
    const updated = await updateClass(scope(), { classRoomId: room.id, name: '5e SEGPA', level: 'SEGPA' });
    expect(updated).toMatchObject({ name: '5e SEGPA', level: 'SEGPA' });
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).level).toBe('SEGPA');
    const audit = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: 'class.update', targetId: room.id } });
    expect(audit.data).toMatchObject({ before: { name: '5e X' }, after: { name: '5e SEGPA', level: 'SEGPA' } });
  });

  it('refuses to rename a class to the name of another class', async () => {
    expect(await code(updateClass(scope(), { classRoomId: team.classB.id, name: '3e A', level: '3e' }))).toBe('CONFLICT');
  });

  it('does not find a class of another collège', async () => {
    expect(await code(updateClass(scope(), { classRoomId: other.classA.id, name: 'Piratée', level: '3e' }))).toBe('NOT_FOUND');
    expect((await db().prisma.classRoom.findUniqueOrThrow({ where: { id: other.classA.id } })).name).toBe('3e A');
  });
});

describe('deleting a class', () => {
  it('refuses to delete a class that still has pupils, and says how many and what to do', async () => {
    const err = (await deleteClass(scope(), { classRoomId: team.classA.id }).catch((e) => e)) as AppError;
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/« 3e A » compte encore 1 élève : déplacez-le/);
    expect(await db().prisma.classRoom.count({ where: { id: team.classA.id } })).toBe(1);
  });

  it('is refused by the database itself when pupils remain (foreign key RESTRICT)', async () => {
    await expect(db().prisma.classRoom.delete({ where: { id: team.classA.id } })).rejects.toThrow(/foreign key|constraint/i);
  });

  it('deletes an empty class, removes its professeurs principaux links and audits it', async () => {
    const room = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '6e Z' });
    await db().prisma.classTeacher.create({ data: { classRoomId: room.id, membershipId: team.members.MAIN_TEACHER.membership.id } });
    await expect(deleteClass(scope(), { classRoomId: room.id })).resolves.toEqual({ id: room.id, name: '6e Z' });
    expect(await db().prisma.classRoom.count({ where: { id: room.id } })).toBe(0);
    expect(await db().prisma.classTeacher.count({ where: { classRoomId: room.id } })).toBe(0);
    expect(await db().prisma.auditEntry.count({ where: { action: 'class.delete', targetId: room.id } })).toBe(1);
  });

  it("does not delete another collège's empty class", async () => {
    const room = await makeClass(db().prisma, { establishmentId: other.establishmentId, name: '6e vide' });
    expect(await code(deleteClass(scope(), { classRoomId: room.id }))).toBe('NOT_FOUND');
    expect(await db().prisma.classRoom.count({ where: { id: room.id } })).toBe(1);
  });
});

describe('professeurs principaux of a class', () => {
  it('assigns active professeurs principaux of the collège and replaces the previous ones', async () => {
    const pp2 = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    await assignMainTeachers(scope(), { classRoomId: team.classB.id, membershipIds: [pp2.membership.id, team.members.MAIN_TEACHER.membership.id] });
    expect(await db().prisma.classTeacher.count({ where: { classRoomId: team.classB.id } })).toBe(2);
    await assignMainTeachers(scope(), { classRoomId: team.classB.id, membershipIds: [pp2.membership.id] });
    const rows = await db().prisma.classTeacher.findMany({ where: { classRoomId: team.classB.id } });
    expect(rows.map((r) => r.membershipId)).toEqual([pp2.membership.id]);
  });

  it('refuses a teacher who is not a professeur principal, a pending one, or one of another collège', async () => {
    const pending = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER', status: 'PENDING' });
    for (const id of [team.members.TEACHER.membership.id, pending.membership.id, other.members.MAIN_TEACHER.membership.id]) {
      expect(await code(assignMainTeachers(scope(), { classRoomId: team.classB.id, membershipIds: [id] }))).toBe('VALIDATION');
    }
  });
});

describe('join codes', () => {
  it('gives a class a new code; the old one no longer exists', async () => {
    const before = (await db().prisma.classRoom.findUniqueOrThrow({ where: { id: team.classB.id } })).joinCode;
    const { joinCode } = await regenerateJoinCode(scope(), { classRoomId: team.classB.id });
    expect(joinCode).not.toBe(before);
    expect(await db().prisma.classRoom.count({ where: { joinCode: before } })).toBe(0);
  });

  it('is unique in the database', async () => {
    const college = await makeCollege(db().prisma);
    const a = await makeClass(db().prisma, { establishmentId: college.id });
    await expect(
      db().prisma.classRoom.create({ data: { establishmentId: college.id, name: 'Doublon', level: '3e', schoolYear: 2026, joinCode: a.joinCode } }),
    ).rejects.toThrow(/unique/i);
  });
});
