// Invitations: single-use, expiring, revocable links leading to a pre-filled sign-up.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeTeam, type Team } from '../factories/college';
import { PASSWORD, makeMember, makeUser } from '../factories/people';
import { acceptInvitationExistingAction, acceptInvitationNewAction, inviteStaffAction, resendInvitationAction, revokeInvitationAction } from '@/lib/team/actions';
import { viewInvitation } from '@/lib/team/accept';
import { hashLinkToken, linkMessage, newLinkToken } from '@/lib/core/links';
import { checkCredentials } from '@/lib/core/credentials';

const db = useTestDb();
let team: Team;

const linkTo = async (email: string) => {
  const mails = await db().prisma.outboxEmail.findMany({ where: { to: email, template: 'invitation' }, orderBy: { createdAt: 'desc' } });
  return /http:\/\/localhost\/invitation\/([\w-]+)/.exec(mails[0].text)![1];
};
/** What the invitation page says about a link that no longer works (null when it works). */
const pageMessage = async (token: string) => {
  const view = await viewInvitation(token);
  return view.state === 'valid' ? null : linkMessage('staff-invitation', view);
};
const accept = (token: string, over: object = {}) =>
  acceptInvitationNewAction({ token, lastName: 'Bernard', firstName: 'Thomas', password: 'Un-mot-de-passe-long', passwordConfirm: 'Un-mot-de-passe-long', ...over });

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
});

describe('inviting and accepting', () => {
  it('the principal invites a professeur principal: an invitation row (token hashed) and an email with the link', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    const res = await inviteStaffAction({ email: 'Thomas.Bernard@ac-rennes.fr', role: 'MAIN_TEACHER' });
    expect(res.ok).toBe(true);
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: 'thomas.bernard@ac-rennes.fr' } });
    expect(inv).toMatchObject({ establishmentId: team.establishmentId, staffRole: 'MAIN_TEACHER', invitedById: team.members.PRINCIPAL.user.id, acceptedAt: null });
    const days = (inv.expiresAt.getTime() - inv.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const raw = await linkTo('thomas.bernard@ac-rennes.fr');
    expect(inv.tokenHash).toBe(await hashLinkToken(raw));
    expect(inv.tokenHash).not.toContain(raw);
  });

  it('the link shows a pre-filled sign-up (email, collège, function)', async () => {
    const view = await viewInvitation(await linkTo('thomas.bernard@ac-rennes.fr'));
    expect(view).toMatchObject({
      state: 'valid',
      link: { email: 'thomas.bernard@ac-rennes.fr', staffRole: 'MAIN_TEACHER' },
      establishmentName: 'Collège les Ormeaux',
      establishmentCity: 'Rennes',
      account: 'NEW',
    });
  });

  it('accepting creates an active, verified account with an active membership: the person signs in at once', async () => {
    actAs(null);
    const res = await accept(await linkTo('thomas.bernard@ac-rennes.fr'));
    expect(res).toEqual({ ok: true, data: { login: 'thomas.bernard@ac-rennes.fr', establishmentName: 'Collège les Ormeaux' } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: 'thomas.bernard@ac-rennes.fr' }, include: { memberships: true } });
    expect(user.status).toBe('ACTIVE');
    expect(user.emailVerified).not.toBeNull();
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'MAIN_TEACHER', status: 'ACTIVE', approvedById: team.members.PRINCIPAL.user.id })]);
    expect(await checkCredentials({ login: 'thomas.bernard@ac-rennes.fr', password: 'Un-mot-de-passe-long', ip: 't' })).toMatchObject({ ok: true });
  });

  it('accepting twice fails cleanly', async () => {
    const token = await linkTo('thomas.bernard@ac-rennes.fr');
    expect(await accept(token)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/déjà été utilisée/) } });
    expect(await viewInvitation(token)).toMatchObject({ state: 'used' });
    expect(await db().prisma.user.count({ where: { email: 'thomas.bernard@ac-rennes.fr' } })).toBe(1);
  });

  it('two acceptances at the same time: exactly one succeeds', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: 'double@ac-rennes.fr', role: 'TEACHER' });
    const token = await linkTo('double@ac-rennes.fr');
    const results = await Promise.all([accept(token), accept(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().prisma.membership.count({ where: { user: { email: 'double@ac-rennes.fr' } } })).toBe(1);
  });
});

describe('revoking, expiry, resending', () => {
  it('a revoked invitation cannot be accepted', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: 'revoquee@ac-rennes.fr', role: 'CPE' });
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: 'revoquee@ac-rennes.fr' } });
    expect(await revokeInvitationAction({ invitationId: inv.id })).toMatchObject({ ok: true });
    const token = await linkTo('revoquee@ac-rennes.fr');
    expect(await viewInvitation(token)).toMatchObject({ state: 'revoked' });
    expect(await pageMessage(token)).toMatch(/annulée/);
    expect(await accept(token)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/annulée/) } });
    expect(await db().prisma.user.count({ where: { email: 'revoquee@ac-rennes.fr' } })).toBe(0);
    expect(await db().prisma.auditEntry.count({ where: { action: 'invitation.revoke', targetId: inv.id } })).toBe(1);
  });

  it('an expired invitation cannot be accepted; « Renvoyer » gives a new link and the old one stops working', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: 'expiree@ac-rennes.fr', role: 'SECRETARY' });
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: 'expiree@ac-rennes.fr' } });
    await db().prisma.invitation.update({ where: { id: inv.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const old = await linkTo('expiree@ac-rennes.fr');
    expect(await accept(old)).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: expect.stringMatching(/expiré/) } });
    expect(await resendInvitationAction({ invitationId: inv.id })).toMatchObject({ ok: true });
    const fresh = await linkTo('expiree@ac-rennes.fr');
    expect(fresh).not.toBe(old);
    expect(await viewInvitation(old)).toEqual({ state: 'unknown' });
    actAs(null);
    expect(await accept(fresh)).toMatchObject({ ok: true });
  });

  it('an unknown link says so', async () => {
    const raw = newLinkToken();
    expect(await viewInvitation(raw)).toEqual({ state: 'unknown' });
    expect(await pageMessage(raw)).toMatch(/pas valide/);
    expect(await accept(newLinkToken())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('invitation rules', () => {
  beforeEach(() => actAs(team.members.PRINCIPAL.user.id));

  it('refuses a non-academic address for a public collège, and accepts it for a private one', async () => {
    expect(await inviteStaffAction({ email: 'prof@gmail.com', role: 'TEACHER' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { email: [expect.stringMatching(/académique/)] } },
    });
    const prive = await makeCollege(db().prisma, { isPublic: false });
    const head = await makeMember(db().prisma, { establishmentId: prive.id, role: 'PRINCIPAL' });
    actAs(head.user.id);
    expect(await inviteStaffAction({ email: 'prof@gmail.com', role: 'TEACHER' })).toMatchObject({ ok: true });
  });

  it('refuses to invite a current member, and a second invitation while one is running', async () => {
    expect(await inviteStaffAction({ email: team.members.CPE.user.email, role: 'CPE' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/fait déjà partie/) },
    });
    await inviteStaffAction({ email: 'encours@ac-rennes.fr', role: 'TEACHER' });
    expect(await inviteStaffAction({ email: 'encours@ac-rennes.fr', role: 'TEACHER' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Renvoyer/) },
    });
  });

  it("cannot revoke or resend another collège's invitation", async () => {
    const other = await makeTeam(db().prisma);
    actAs(other.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: 'autre@ac-rennes.fr', role: 'TEACHER' });
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: 'autre@ac-rennes.fr' } });
    actAs(team.members.PRINCIPAL.user.id);
    expect(await revokeInvitationAction({ invitationId: inv.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await resendInvitationAction({ invitationId: inv.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('accepting with an existing account', () => {
  it('an account that already uses the address joins with its password (a wrong password is refused)', async () => {
    const other = await makeTeam(db().prisma);
    const teacher = other.members.TEACHER.user;
    actAs(team.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: teacher.email, role: 'TEACHER' });
    const token = await linkTo(teacher.email!);
    expect(await viewInvitation(token)).toMatchObject({ state: 'valid', account: 'EXISTING' });
    actAs(null);
    expect(await acceptInvitationExistingAction({ token, password: 'pas-le-bon-mot-de-passe' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.any(String)] } },
    });
    expect(await accept(token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } }); // cannot overwrite an existing account
    expect(await acceptInvitationExistingAction({ token, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await db().prisma.membership.count({ where: { userId: teacher.id, status: 'ACTIVE' } })).toBe(2);
  });

  it('an account that never finished its activation is completed by the invitation (the link proves the mailbox)', async () => {
    const pending = await makeUser(db().prisma, { email: 'jamais.active@ac-rennes.fr', status: 'PENDING_ACTIVATION' });
    await db().prisma.membership.create({ data: { userId: pending.id, establishmentId: team.establishmentId, role: 'TEACHER', status: 'PENDING' } });
    actAs(team.members.PRINCIPAL.user.id);
    await inviteStaffAction({ email: 'jamais.active@ac-rennes.fr', role: 'MAIN_TEACHER' });
    actAs(null);
    expect(await accept(await linkTo('jamais.active@ac-rennes.fr'))).toMatchObject({ ok: true });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { id: pending.id }, include: { memberships: true } });
    expect(user.status).toBe('ACTIVE');
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'MAIN_TEACHER', status: 'ACTIVE' })]);
  });
});

describe('invitations created by a granted access request (accounts area)', () => {
  it('are accepted by the same page', async () => {
    const raw = newLinkToken();
    const inv = await db().prisma.invitation.create({
      data: {
        email: 'demandeur@ac-rennes.fr',
        establishmentId: team.establishmentId,
        staffRole: 'DEPUTY',
        tokenHash: await hashLinkToken(raw),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db().prisma.accessRequest.create({
      data: {
        establishmentId: team.establishmentId,
        lastName: 'D',
        firstName: 'E',
        function: 'Adjoint',
        email: 'demandeur@ac-rennes.fr',
        status: 'GRANTED',
        invitationId: inv.id,
      },
    });
    expect(await viewInvitation(raw)).toMatchObject({ state: 'valid', link: { staffRole: 'DEPUTY' } });
    actAs(null);
    expect(await accept(raw)).toMatchObject({ ok: true });
    expect(await db().prisma.membership.findFirst({ where: { user: { email: 'demandeur@ac-rennes.fr' } } })).toMatchObject({ role: 'DEPUTY', status: 'ACTIVE' });
  });
});
