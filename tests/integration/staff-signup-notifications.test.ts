// « Hold the doors », item 4: staff sign-ups emailed the collège's heads once per new address, with
// the applicant's free text in the subject (« URGENT: vérifiez votre compte sur http://… » six
// times). Now: a fixed subject, names that cannot carry a link, and at most 5 notifications per
// collège in 15 minutes — later applications are recorded and listed on the team page, not emailed.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeTeam, type Team } from '../factories/college';
import { signUpStaffAction } from '@/lib/team/actions';
import { teamOverview } from '@/lib/team/queries';
import { RULES } from '@/lib/core/throttle';
import { setNow } from '@/lib/core/clock';
import type { StaffSignUpInput } from '@/lib/team/schema';

const db = useTestDb();
let team: Team;
let other: Team;

const form = (n: number, over: Partial<StaffSignUpInput> = {}): StaffSignUpInput => ({
  uai: team.college.uai,
  lastName: `Leroy${n}`,
  firstName: 'Marie',
  role: 'TEACHER',
  email: `marie.leroy${n}@ac-rennes.fr`,
  password: 'Un-mot-de-passe-long',
  passwordConfirm: 'Un-mot-de-passe-long',
  ...over,
});
const headsMail = (to: string) => db().prisma.outboxEmail.findMany({ where: { to, template: 'staff-pending' }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  setNow('2026-10-05T08:00:00Z');
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
  actAs(null);
});
afterAll(() => setNow(null));

describe('the email to the heads', () => {
  it('has a fixed subject naming the collège, never the applicant’s text', async () => {
    expect(await signUpStaffAction(form(0))).toMatchObject({ ok: true });
    const [mail] = await headsMail(team.members.PRINCIPAL.user.email!);
    expect(mail.subject).toBe('Nouvelle demande d’accès à l’équipe de Collège les Ormeaux');
    expect(mail.subject).not.toContain('Leroy0');
    expect(mail.text).toContain('Marie Leroy0');
    expect(mail.text).toContain('marie.leroy0@ac-rennes.fr');
  });
});

describe('names that carry a link or markup', () => {
  it.each([
    ['lastName', 'URGENT: vérifiez votre compte sur http://evil.example'],
    ['lastName', 'https://evil.example/login'],
    ['firstName', 'www.evil.example'],
    ['firstName', 'evil.example/connexion'],
    ['lastName', 'Leroy <b>'],
    ['lastName', 'admin@evil.example'],
    ['firstName', 'Marie\u0000'],
    ['firstName', 'Marie\nURGENT'],
  ] as const)('refuses %s « %s » with a French message, and sends nothing', async (field, value) => {
    const before = await db().prisma.outboxEmail.count();
    const res = await signUpStaffAction(form(99, { [field]: value }));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { [field]: [expect.stringMatching(/adresse web|caractères/)] } } });
    expect(await db().prisma.outboxEmail.count()).toBe(before);
    expect(await db().prisma.user.count({ where: { email: 'marie.leroy99@ac-rennes.fr' } })).toBe(0);
  });

  it('accepts real names: accents, hyphens, apostrophes, spaces, initials', async () => {
    for (const [i, [lastName, firstName]] of [
      ['N’Diaye-Le Goff', 'Anne-Sophie'],
      ["O'Connor", 'J.-P.'],
      ['de La Tour d’Auvergne', 'Éloïse'],
    ].entries()) {
      expect(await signUpStaffAction(form(50 + i, { lastName, firstName }))).toMatchObject({ ok: true });
    }
  });
});

describe('a burst of sign-ups for one collège', () => {
  it(`emails the heads ${RULES.mailTarget.limit} times at most in 15 minutes; every application is still recorded and listed`, async () => {
    const principal = team.members.PRINCIPAL.user.email!;
    const deputy = team.members.DEPUTY.user.email!;
    const already = (await headsMail(principal)).length;
    for (let n = 1; n <= 8; n++) expect(await signUpStaffAction(form(n))).toMatchObject({ ok: true });
    expect((await headsMail(principal)).length).toBeLessThanOrEqual(RULES.mailTarget.limit);
    expect((await headsMail(principal)).length).toBeGreaterThan(already);
    expect((await headsMail(deputy)).length).toBe((await headsMail(principal)).length);
    const pending = (await teamOverview(team.establishmentId)).pending.map((p) => p.email);
    for (let n = 1; n <= 8; n++) expect(pending).toContain(`marie.leroy${n}@ac-rennes.fr`);
    // every applicant still gets their own activation link
    expect(await db().prisma.outboxEmail.count({ where: { to: 'marie.leroy8@ac-rennes.fr', template: 'activation' } })).toBe(1);
  });

  it('does not silence another collège', async () => {
    const res = await signUpStaffAction(form(1, { uai: other.college.uai, email: 'prof.dolto@ac-rennes.fr' }));
    expect(res).toMatchObject({ ok: true });
    expect((await headsMail(other.members.PRINCIPAL.user.email!)).length).toBe(1);
  });

  it('emails again once the 15 minutes have passed', async () => {
    const principal = team.members.PRINCIPAL.user.email!;
    const before = (await headsMail(principal)).length;
    setNow('2026-10-05T08:40:00Z');
    expect(await signUpStaffAction(form(20))).toMatchObject({ ok: true });
    expect((await headsMail(principal)).length).toBe(before + 1);
  });
});
