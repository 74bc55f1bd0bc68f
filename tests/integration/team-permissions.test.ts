// The authorization matrix of the team: invitations and approvals × each role; and what the team's
// changes (a class's professeurs principaux, a member removed) do to a PP's reach over pupils.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { MATRIX_ROLES, expectedOutcome, makeClass, makePupil, makeTeam, matrixActors, type MatrixRole, type Team } from '../factories/college';
import { makeMember } from '../factories/people';
import {
  approveMembershipAction,
  inviteStaffAction,
  refuseMembershipAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/lib/team/actions';
import { assignTeachersAction, movePupilsAction, updateGuardiansAction } from '@/lib/classes/actions';
import { hashLinkToken, newLinkToken } from '@/lib/core/links';
import { can } from '@/lib/core/permissions';
import { loadActor } from '@/lib/core/actor';
import type { ActionResult } from '@/lib/core/action-types';

const db = useTestDb();
let team: Team;
let other: Team;
let actors: Record<MatrixRole, string | null>;
let n = 0;

const TEAM = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'];
const HEADS = ['PRINCIPAL', 'DEPUTY'];

const newInvitation = async () =>
  db().prisma.invitation.create({
    data: {
      email: `invite${++n}@ac-rennes.fr`,
      establishmentId: team.establishmentId,
      staffRole: 'TEACHER',
      tokenHash: await hashLinkToken(newLinkToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
const newMember = (status: 'PENDING' | 'ACTIVE') => makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'TEACHER', status });

type Case = { name: string; allowed: string[]; scoped: boolean; run: () => Promise<ActionResult<unknown>> };
const cases: Case[] = [
  { name: 'invite a staff member', allowed: HEADS, scoped: false, run: () => inviteStaffAction({ email: `nouveau${++n}@ac-rennes.fr`, role: 'TEACHER' }) },
  { name: 'resend an invitation', allowed: HEADS, scoped: true, run: async () => resendInvitationAction({ invitationId: (await newInvitation()).id }) },
  { name: 'revoke an invitation', allowed: HEADS, scoped: true, run: async () => revokeInvitationAction({ invitationId: (await newInvitation()).id }) },
  {
    name: 'approve a pending member',
    allowed: HEADS,
    scoped: true,
    run: async () => approveMembershipAction({ membershipId: (await newMember('PENDING')).membership.id }),
  },
  {
    name: 'refuse a pending member',
    allowed: HEADS,
    scoped: true,
    run: async () => refuseMembershipAction({ membershipId: (await newMember('PENDING')).membership.id }),
  },
  { name: 'remove a member', allowed: HEADS, scoped: true, run: async () => removeMemberAction({ membershipId: (await newMember('ACTIVE')).membership.id }) },
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

describe('seeing the team page (team:view)', () => {
  it.each(MATRIX_ROLES.filter((r) => r !== 'ANONYMOUS'))('%s', async (role) => {
    const actor = await loadActor({ userId: actors[role], host: 'localhost' });
    const expected = TEAM.includes(role) || role === 'OTHER_STAFF';
    expect(can(actor, 'team:view')).toBe(expected);
    if (role === 'OTHER_STAFF') expect(actor.member?.establishmentId).toBe(other.establishmentId); // sees its own team only
  });
});

describe("a professeur principal's reach over pupils follows the team's decisions", () => {
  const result = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);
  const touch = (pupilId: string) => updateGuardiansAction({ pupilId, guardians: [] });

  it('the principal makes a PP of a class: the PP reaches its pupils then, and not before', async () => {
    const pp = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    const room = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: `5e ${++n}` });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: room.id });
    actAs(pp.user.id);
    expect(result(await touch(pupil.id))).toBe('NOT_FOUND');
    actAs(team.members.PRINCIPAL.user.id);
    expect(result(await assignTeachersAction({ classRoomId: room.id, membershipIds: [pp.membership.id] }))).toBe('OK');
    actAs(pp.user.id);
    expect(result(await touch(pupil.id))).toBe('OK');
    // Another PP replaces them: the class's pupils are out of reach again.
    actAs(team.members.PRINCIPAL.user.id);
    expect(result(await assignTeachersAction({ classRoomId: room.id, membershipIds: [team.members.MAIN_TEACHER.membership.id] }))).toBe('OK');
    actAs(pp.user.id);
    expect(result(await touch(pupil.id))).toBe('NOT_FOUND');
    expect(result(await movePupilsAction({ moves: [{ pupilId: pupil.id, classRoomId: team.classB.id }] }))).toBe('NOT_FOUND');
  });

  it('a PP removed from the team reaches no pupil of their former class', async () => {
    const pp = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'MAIN_TEACHER' });
    const room = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: `4e ${++n}` });
    await db().prisma.classTeacher.create({ data: { classRoomId: room.id, membershipId: pp.membership.id } });
    const { pupil } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: room.id });
    actAs(pp.user.id);
    expect(result(await touch(pupil.id))).toBe('OK');
    actAs(team.members.PRINCIPAL.user.id);
    expect(result(await removeMemberAction({ membershipId: pp.membership.id }))).toBe('OK');
    actAs(pp.user.id);
    expect(result(await touch(pupil.id))).toBe('FORBIDDEN');
    expect(result(await movePupilsAction({ moves: [{ pupilId: pupil.id, classRoomId: null }] }))).toBe('FORBIDDEN');
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).classRoomId).toBe(room.id);
  });

  it("a PP of another collège's class of the same name reaches nothing here", async () => {
    actAs(other.members.MAIN_TEACHER.user.id); // PP of the other collège's « 3e A »
    expect(result(await touch(team.pupil.id))).toBe('NOT_FOUND');
  });
});
