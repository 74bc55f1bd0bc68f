// Read models of the classes pages. Every query is scoped by the member's establishment.
import { prisma } from '../core/db.ts';

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
export const byClassName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);
const byPupilName = <T extends { lastName: string | null; firstName: string | null }>(a: T, b: T) =>
  collator.compare(`${a.lastName ?? ''} ${a.firstName ?? ''}`, `${b.lastName ?? ''} ${b.firstName ?? ''}`);

const teacherName = (u: { firstName: string | null; lastName: string | null; login: string }) =>
  [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;

export async function listClasses(establishmentId: string) {
  const rows = await prisma.classRoom.findMany({
    where: { establishmentId },
    include: {
      _count: { select: { pupils: true } },
      teachers: { select: { membership: { select: { id: true, user: { select: { firstName: true, lastName: true, login: true } } } } } },
    },
  });
  return rows
    .map((c) => ({
      id: c.id, name: c.name, level: c.level, schoolYear: c.schoolYear, joinCode: c.joinCode, pupils: c._count.pupils,
      teachers: c.teachers.map((t) => ({ membershipId: t.membership.id, name: teacherName(t.membership.user) })),
    }))
    .sort((a, b) => b.schoolYear - a.schoolYear || byClassName(a, b));
}

export async function getClassDetail(establishmentId: string, classRoomId: string) {
  const room = await prisma.classRoom.findFirst({
    where: { id: classRoomId, establishmentId },
    include: {
      establishment: { select: { name: true } },
      pupils: {
        where: { anonymisedAt: null },
        select: { id: true, firstName: true, lastName: true, birthDate: true, level: true, _count: { select: { guardians: true } }, user: { select: { login: true, status: true } } },
      },
      teachers: { select: { membership: { select: { id: true, user: { select: { firstName: true, lastName: true, login: true } } } } } },
    },
  });
  if (!room) return null;
  return {
    id: room.id, name: room.name, level: room.level, schoolYear: room.schoolYear, joinCode: room.joinCode, establishmentName: room.establishment.name,
    teachers: room.teachers.map((t) => ({ membershipId: t.membership.id, name: teacherName(t.membership.user) })),
    pupils: room.pupils
      .map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, guardians: p._count.guardians, login: p.user?.login ?? null, accountActive: p.user?.status === 'ACTIVE' }))
      .sort(byPupilName),
  };
}

/** Classes to move pupils into: id + name, sorted. */
export async function classOptions(establishmentId: string) {
  const rows = await prisma.classRoom.findMany({ where: { establishmentId }, select: { id: true, name: true, level: true, schoolYear: true } });
  return rows.sort(byClassName);
}

export function countPupilsWithoutClass(establishmentId: string) {
  return prisma.pupil.count({ where: { establishmentId, classRoomId: null, anonymisedAt: null } });
}

export async function pupilsWithoutClass(establishmentId: string) {
  const rows = await prisma.pupil.findMany({
    where: { establishmentId, classRoomId: null, anonymisedAt: null },
    select: { id: true, firstName: true, lastName: true, birthDate: true, level: true, createdAt: true },
  });
  return rows.sort(byPupilName);
}

export async function getPupilDetail(establishmentId: string, pupilId: string) {
  return prisma.pupil.findFirst({
    where: { id: pupilId, establishmentId, anonymisedAt: null },
    select: {
      id: true, firstName: true, lastName: true, birthDate: true, level: true, schoolYear: true, createdAt: true,
      classRoom: { select: { id: true, name: true } },
      user: { select: { login: true, email: true, status: true } },
      guardians: { orderBy: { rank: 'asc' }, select: { rank: true, lastName: true, firstName: true, email: true, phone: true } },
    },
  });
}

/** The classes of which this member is professeur principal. */
export async function classesOfTeacher(membershipId: string) {
  const rows = await prisma.classTeacher.findMany({ where: { membershipId }, select: { classRoom: { select: { id: true, name: true, level: true } } } });
  return rows.map((r) => r.classRoom).sort(byClassName);
}

/** The signed-in pupil's own page. */
export function ownPupil(pupilId: string) {
  return prisma.pupil.findUnique({
    where: { id: pupilId },
    select: {
      id: true, firstName: true, lastName: true, level: true,
      establishment: { select: { name: true, city: true } }, classRoom: { select: { name: true } },
      guardians: { orderBy: { rank: 'asc' }, select: { rank: true, lastName: true, firstName: true, email: true, phone: true } },
    },
  });
}
