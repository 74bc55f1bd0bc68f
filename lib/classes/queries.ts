// Read models of the classes pages. Every query of the collège's pages is scoped by the member's
// establishment; every pupil query also by the member's reach (lib/classes/access.ts), in its `where`.
// The public sign-up pages (« Je suis élève », « Rejoindre ma classe ») read a collège by its UAI or
// a class by its join code, and only what those pages show.
import { prisma } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { displayName } from '../core/format.ts';
import { activeSchoolYear } from '../reference/school-year.ts';
import { findCollegeByUai, pupilSignUpReadiness, type PupilReadiness } from '../team/establishments.ts';
import { ownClassWhere, pupilsInReach, type PupilReach } from './access.ts';
import { normalizeJoinCode } from './join-code.ts';
import { classOfCode, type JoinTarget } from './signup.ts';

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
const byClassName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);
const byPupilName = <T extends { lastName: string | null; firstName: string | null }>(a: T, b: T) =>
  collator.compare(`${a.lastName ?? ''} ${a.firstName ?? ''}`, `${b.lastName ?? ''} ${b.firstName ?? ''}`);

/** What every pupil list and page shows of a pupil, and of their guardians. */
const PUPIL_FIELDS = { id: true, firstName: true, lastName: true, birthDate: true, level: true } as const;
const GUARDIANS = { orderBy: { rank: 'asc' }, select: { rank: true, lastName: true, firstName: true, email: true, phone: true } } as const;
/** A class's professeurs principaux, as the class lists name them. */
const TEACHERS = { select: { membership: { select: { id: true, user: { select: { firstName: true, lastName: true, login: true } } } } } } as const;

export async function listClasses(establishmentId: string) {
  const rows = await prisma.classRoom.findMany({
    where: { establishmentId },
    include: {
      _count: { select: { pupils: true } },
      teachers: TEACHERS,
    },
  });
  return rows
    .map((c) => ({
      id: c.id,
      name: c.name,
      level: c.level,
      schoolYear: c.schoolYear,
      joinCode: c.joinCode,
      pupils: c._count.pupils,
      teachers: c.teachers.map((t) => ({ membershipId: t.membership.id, name: displayName(t.membership.user) })),
    }))
    .sort((a, b) => b.schoolYear - a.schoolYear || byClassName(a, b));
}

/**
 * A class page. `pupils` is the list only for those who reach this class's pupils (the whole
 * collège, or its professeur principal), else null; `pupilCount` (a number, no names) is for all.
 */
export async function getClassDetail(establishmentId: string, classRoomId: string, reach: PupilReach | null) {
  const room = await prisma.classRoom.findFirst({
    where: { id: classRoomId, establishmentId },
    include: {
      establishment: { select: { name: true } },
      _count: { select: { pupils: { where: { anonymisedAt: null } } } },
      pupils: {
        // Nobody's pupils without a reach; a PP's reach only holds the pupils of their classes.
        where: reach && reach.establishmentId === establishmentId ? pupilsInReach(reach) : { id: { in: [] } },
        select: {
          ...PUPIL_FIELDS,
          _count: { select: { guardians: true } },
          user: { select: { login: true, status: true } },
        },
      },
      teachers: TEACHERS,
    },
  });
  if (!room) return null;
  const teachers = room.teachers.map((t) => ({ membershipId: t.membership.id, name: displayName(t.membership.user) }));
  const visible = !!reach && (reach.wholeCollege || teachers.some((t) => t.membershipId === reach.membershipId));
  return {
    id: room.id,
    name: room.name,
    level: room.level,
    schoolYear: room.schoolYear,
    joinCode: room.joinCode,
    establishmentName: room.establishment.name,
    teachers,
    pupilCount: room._count.pupils,
    pupils: visible
      ? room.pupils
          .map((p) => ({
            id: p.id,
            firstName: p.firstName,
            lastName: p.lastName,
            birthDate: p.birthDate,
            guardians: p._count.guardians,
            login: p.user?.login ?? null,
            accountActive: p.user?.status === 'ACTIVE',
          }))
          .sort(byPupilName)
      : null,
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

/** The classes a professeur principal may place a pupil without class in (their own), sorted. */
export async function ownClassOptions(reach: PupilReach) {
  const rows = await prisma.classRoom.findMany({
    where: { establishmentId: reach.establishmentId, ...ownClassWhere(reach) },
    select: { id: true, name: true, level: true, schoolYear: true },
  });
  return rows.sort(byClassName);
}

/**
 * Pupils who signed up without a class (« Choisissez une classe »). Every reach sees them: they are
 * in no class yet, and a professeur principal must recognise those of their class to take them in.
 */
export async function pupilsWithoutClass(reach: PupilReach) {
  const rows = await prisma.pupil.findMany({
    where: { establishmentId: reach.establishmentId, classRoomId: null, anonymisedAt: null },
    select: { ...PUPIL_FIELDS, createdAt: true },
  });
  return rows.sort(byPupilName);
}

/** Pupils in a class, within reach (a PP: their classes' pupils), sorted by class then name. */
export async function listPupilsInClasses(reach: PupilReach) {
  const rows = await prisma.pupil.findMany({
    where: { ...pupilsInReach(reach), classRoomId: { not: null } },
    select: { id: true, firstName: true, lastName: true, classRoom: { select: { id: true, name: true } } },
  });
  return rows
    .map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, classRoom: p.classRoom! }))
    .sort((a, b) => byClassName(a.classRoom, b.classRoom) || byPupilName(a, b));
}

/** A pupil's page, or null when the pupil is out of reach (another collège, another class for a PP). */
export async function getPupilDetail(reach: PupilReach, pupilId: string) {
  return prisma.pupil.findFirst({
    where: { id: pupilId, ...pupilsInReach(reach) },
    select: {
      ...PUPIL_FIELDS,
      schoolYear: true,
      createdAt: true,
      classRoom: { select: { id: true, name: true } },
      user: { select: { login: true, email: true, status: true } },
      guardians: GUARDIANS,
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
      id: true,
      firstName: true,
      lastName: true,
      level: true,
      establishment: { select: { name: true, city: true } },
      classRoom: { select: { name: true } },
      guardians: GUARDIANS,
    },
  });
}

/** The year new classes belong to (the running school year, or the next one once the last is closed). */
export function activeYear() {
  return activeSchoolYear(prisma);
}

/** « Mon établissement »: the year and the counts of classes and pupils. */
export async function classesOverview(establishmentId: string) {
  const [year, classes, pupils, withoutClass] = await Promise.all([
    activeSchoolYear(prisma),
    prisma.classRoom.count({ where: { establishmentId } }),
    prisma.pupil.count({ where: { establishmentId, anonymisedAt: null } }),
    countPupilsWithoutClass(establishmentId),
  ]);
  return { year, classes, pupils, withoutClass };
}

/** The class of a join code in this collège (the poster), or null. */
export async function classOfJoinCode(establishmentId: string, raw: string) {
  const joinCode = normalizeJoinCode(raw);
  if (!joinCode) return null;
  return prisma.classRoom.findFirst({
    where: { joinCode, establishmentId },
    select: { id: true, name: true, schoolYear: true, joinCode: true, establishment: { select: { name: true } } },
  });
}

/** « Rejoindre ma classe »: the class of a code and whether its collège takes sign-ups yet, or the French refusal. */
export async function joinPageOf(raw: string): Promise<{ ok: true; target: JoinTarget; readiness: PupilReadiness } | { ok: false; refusal: string }> {
  let target: JoinTarget;
  try {
    target = await classOfCode(prisma, raw);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: false, refusal: err.message };
  }
  return { ok: true, target, readiness: await pupilSignUpReadiness(prisma, target.establishment) };
}

/** « Je suis élève » without a code: the collège of a UAI and whether its pupils may sign up yet. */
export async function pupilSignUpCollege(uai: string) {
  const college = uai ? await findCollegeByUai(prisma, uai) : null;
  return { college, readiness: college ? await pupilSignUpReadiness(prisma, college) : null };
}
