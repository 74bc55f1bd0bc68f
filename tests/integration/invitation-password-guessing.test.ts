// A staff invitation accepted with an existing account asks for that account's password: the link's
// state is checked first (a dead link never checks a password), and the password check is throttled
// exactly like sign-in, sharing its counters.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeTeam, type Team } from '../factories/college';
import { PASSWORD } from '../factories/people';
import { freshIp } from '../factories/accounts';
import { acceptInvitationExistingAction, inviteStaffAction, revokeInvitationAction } from '@/lib/team/actions';
import { acceptWithExistingAccount } from '@/lib/team/accept';
import { newLinkToken } from '@/lib/core/links';
import { checkCredentials } from '@/lib/core/credentials';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
let team: Team;
let other: Team;
const START = new Date('2031-03-10T08:00:00Z');

const linkTo = async (email: string) => {
  const mails = await db().prisma.outboxEmail.findMany({ where: { to: email, template: 'invitation' }, orderBy: { createdAt: 'desc' } });
  return /http:\/\/localhost\/invitation\/([\w-]+)/.exec(mails[0].text)![1];
};

/** Invites an existing member of the other collège; returns the link and that person. */
async function inviteExisting(role: 'PRINCIPAL' | 'DEPUTY' | 'MAIN_TEACHER' | 'TEACHER' | 'CPE' | 'COUNSELOR' | 'SECRETARY') {
  const person = other.members[role].user;
  actAs(team.members.PRINCIPAL.user.id);
  expect(await inviteStaffAction({ email: person.email, role: 'TEACHER' })).toMatchObject({ ok: true });
  actAs(null);
  return { token: await linkTo(person.email!), person };
}
const noWait = { wait: () => undefined };

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
});
beforeEach(() => setNow(START, { frozen: true }));
afterAll(() => setNow(null));

describe('a link that no longer works says so before any password is checked', () => {
  it('revoked: « annulée », whatever the password', async () => {
    const { token } = await inviteExisting('PRINCIPAL');
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: other.members.PRINCIPAL.user.email! } });
    actAs(team.members.PRINCIPAL.user.id);
    expect(await revokeInvitationAction({ invitationId: inv.id })).toMatchObject({ ok: true });
    actAs(null);
    for (const password of ['pas-le-bon', PASSWORD]) {
      const res = await acceptInvitationExistingAction({ token, password });
      expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/annulée/) } });
      expect(res).not.toMatchObject({ error: { fieldErrors: { password: expect.anything() } } });
    }
  });

  it('expired: « expiré », whatever the password', async () => {
    const { token } = await inviteExisting('DEPUTY');
    setNow(new Date(START.getTime() + 8 * 86_400_000), { frozen: true });
    for (const password of ['pas-le-bon', PASSWORD]) {
      expect(await acceptInvitationExistingAction({ token, password })).toMatchObject({
        ok: false,
        error: { code: 'EXPIRED', message: expect.stringMatching(/expiré/) },
      });
    }
  });

  it('used: « déjà été utilisée », whatever the password', async () => {
    const { token } = await inviteExisting('CPE');
    expect(await acceptInvitationExistingAction({ token, password: PASSWORD })).toMatchObject({ ok: true });
    for (const password of ['pas-le-bon', PASSWORD]) {
      expect(await acceptInvitationExistingAction({ token, password })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/déjà été utilisée/) },
      });
    }
  });

  it('unknown: « pas valide »', async () => {
    expect(await acceptInvitationExistingAction({ token: newLinkToken(), password: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/pas valide/) },
    });
  });

  it('guesses on a dead link do not count against the account (nothing was checked)', async () => {
    const { token, person } = await inviteExisting('COUNSELOR');
    const inv = await db().prisma.invitation.findFirstOrThrow({ where: { email: person.email! } });
    await db().prisma.invitation.update({ where: { id: inv.id }, data: { revokedAt: START } });
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await acceptWithExistingAccount({ token, password: `faux-${i}`, ip, ...noWait }).catch(() => undefined);
    expect(await checkCredentials({ login: person.email!, password: PASSWORD, ip }, noWait)).toMatchObject({ ok: true });
  });
});

describe('password guesses through a valid invitation are throttled like sign-in', () => {
  it('5 wrong passwords from one client block that client, for the invitation and for sign-in; another client still gets in', async () => {
    const { token, person } = await inviteExisting('MAIN_TEACHER');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await expect(acceptWithExistingAccount({ token, password: `faux-${i}`, ip, ...noWait })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(acceptWithExistingAccount({ token, password: PASSWORD, ip, ...noWait })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/patientez/),
    });
    expect(await checkCredentials({ login: person.email!, password: PASSWORD, ip }, noWait)).toEqual({ ok: false, reason: 'THROTTLED' });
    await expect(acceptWithExistingAccount({ token, password: PASSWORD, ip: freshIp(), ...noWait })).resolves.toMatchObject({ establishmentName: 'Collège les Ormeaux' });
  });

  it('through the page’s action too (no proxy here: the client address is unknown)', async () => {
    const { token } = await inviteExisting('SECRETARY');
    for (let i = 0; i < 5; i++) {
      expect(await acceptInvitationExistingAction({ token, password: `faux-${i}` })).toMatchObject({
        ok: false,
        error: { fieldErrors: { password: [expect.any(String)] } },
      });
    }
    expect(await acceptInvitationExistingAction({ token, password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
