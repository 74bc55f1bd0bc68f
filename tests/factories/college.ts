// Factories of the collège side: establishments, staff, classes, pupils. Real rows in the test DB.
import type { PrismaClient, StaffRole } from '@/lib/generated/prisma/client';
import { makeMember, makeUser } from './people';
import { uaiCheckLetter } from '@/lib/reference/uai';
import { generateJoinCode } from '@/lib/classes/join-code';
import { schoolYearOf } from '@/lib/core/format';
import type { PupilSignUpInput } from '@/lib/classes/pupil-schema';

let seq = 0;
const next = () => ++seq;

/** A valid UAI in Ille-et-Vilaine (035xxxx + check letter), unique per call. */
function uai(n = next()): string {
  const first7 = `035${String(5000 + n).padStart(4, '0')}`;
  return `${first7}${uaiCheckLetter(first7)}`;
}

export async function makeCollege(db: PrismaClient, input: { name?: string; registered?: boolean; isPublic?: boolean; city?: string } = {}) {
  const n = next();
  return db.establishment.create({
    data: {
      uai: uai(n),
      name: input.name ?? `Collège Test ${n}`,
      kind: 'COLLEGE',
      city: input.city ?? 'Rennes',
      postalCode: '35000',
      isPublic: input.isPublic ?? true,
      registeredAt: input.registered === false ? null : new Date('2026-09-01T08:00:00Z'),
    },
  });
}

export async function makeClass(db: PrismaClient, input: { establishmentId: string; name?: string; level?: string; schoolYear?: number }) {
  return db.classRoom.create({
    data: {
      establishmentId: input.establishmentId,
      name: input.name ?? `3e ${next()}`,
      level: input.level ?? '3e',
      schoolYear: input.schoolYear ?? schoolYearOf(),
      joinCode: generateJoinCode(),
    },
  });
}

export async function makePupil(
  db: PrismaClient,
  input: {
    establishmentId: string | null;
    classRoomId?: string | null;
    schoolYear?: number;
    withAccount?: boolean;
    email?: string | null;
    guardians?: number;
    firstName?: string;
  },
) {
  const n = next();
  const user = input.withAccount === false ? null : await makeUser(db, { email: input.email ?? null, login: `eleve.${n}`, firstName: undefined });
  const pupil = await db.pupil.create({
    data: {
      userId: user?.id,
      establishmentId: input.establishmentId,
      classRoomId: input.classRoomId ?? null,
      firstName: input.firstName ?? `Élève${n}`,
      lastName: `Nom${n}`,
      birthDate: new Date('2012-03-14T00:00:00Z'),
      level: '3e',
      schoolYear: input.schoolYear ?? schoolYearOf(),
    },
  });
  for (let rank = 1; rank <= (input.guardians ?? 0); rank++) {
    await db.guardian.create({ data: { pupilId: pupil.id, rank, lastName: `Parent${n}`, firstName: `P${rank}`, email: `parent${n}.${rank}@exemple.fr` } });
  }
  return { pupil, user };
}

export type Team = Awaited<ReturnType<typeof makeTeam>>;

/** A registered collège with one member of each role, two classes and a pupil with an account. */
export async function makeTeam(db: PrismaClient, input: { name?: string } = {}) {
  const college = await makeCollege(db, { name: input.name });
  const establishmentId = college.id;
  const roles: StaffRole[] = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'];
  const members = {} as Record<StaffRole, { user: { id: string; email: string | null }; membership: { id: string } }>;
  for (const role of roles) members[role] = await makeMember(db, { establishmentId, role });
  const classA = await makeClass(db, { establishmentId, name: '3e A' });
  const classB = await makeClass(db, { establishmentId, name: '3e B' });
  await db.classTeacher.create({ data: { classRoomId: classA.id, membershipId: members.MAIN_TEACHER.membership.id } });
  const { pupil, user: pupilUser } = await makePupil(db, { establishmentId, classRoomId: classA.id });
  return { college, establishmentId, members, classA, classB, pupil, pupilUser: pupilUser! };
}

/** Who the authorization matrix tests act as. OTHER_STAFF: the principal of another collège (the strongest role there). */
export const MATRIX_ROLES = [
  'PRINCIPAL',
  'DEPUTY',
  'MAIN_TEACHER',
  'TEACHER',
  'CPE',
  'COUNSELOR',
  'SECRETARY',
  'PUPIL',
  'STRANGER',
  'OTHER_STAFF',
  'OPERATOR',
  'ANONYMOUS',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** One user id (or null: anonymous) per matrix role, around `team`. */
export async function matrixActors(db: PrismaClient, team: Team, other: Team): Promise<Record<MatrixRole, string | null>> {
  const stranger = await makeUser(db);
  const operator = await makeUser(db, { isOperator: true });
  return {
    PRINCIPAL: team.members.PRINCIPAL.user.id,
    DEPUTY: team.members.DEPUTY.user.id,
    MAIN_TEACHER: team.members.MAIN_TEACHER.user.id,
    TEACHER: team.members.TEACHER.user.id,
    CPE: team.members.CPE.user.id,
    COUNSELOR: team.members.COUNSELOR.user.id,
    SECRETARY: team.members.SECRETARY.user.id,
    PUPIL: team.pupilUser.id,
    STRANGER: stranger.id,
    OTHER_STAFF: other.members.PRINCIPAL.user.id,
    OPERATOR: operator.id,
    ANONYMOUS: null,
  };
}

/** The expected answer of an action for a role: allowed roles → OK; another collège's staff → NOT_FOUND on our rows; anonymous → UNAUTHENTICATED. */
export function expectedOutcome(role: MatrixRole, allowed: readonly string[], opts: { scoped: boolean }): 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (role === 'OTHER_STAFF') return allowed.includes('PRINCIPAL') ? (opts.scoped ? 'NOT_FOUND' : 'OK') : 'FORBIDDEN';
  return allowed.includes(role) ? 'OK' : 'FORBIDDEN';
}

/**
 * What a pupil types in « Je suis élève »: a 3e pupil (14 in the app's school year, whatever the day
 * the suite runs), a unique login; override any field.
 */
export function pupilSignUpInput(code: string, over: Partial<PupilSignUpInput> = {}): PupilSignUpInput {
  return {
    code,
    lastName: 'Morel',
    firstName: 'Léa',
    birthDate: `${schoolYearOf() - 14}-05-04`,
    accountKind: 'login',
    login: `lea.${Math.random().toString(36).slice(2, 8)}`,
    email: '',
    password: 'Un-mot-de-passe-long',
    passwordConfirm: 'Un-mot-de-passe-long',
    guardians: [],
    ...over,
  };
}
