// An establishment's registration address (ce.<uai>@<académie>) is nobody's personal login: the
// team's invitations refuse it, and the names typed in the registration, access-request and
// guardian forms never carry a link.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeTeam, type Team } from '../factories/college';
import { inviteStaffAction } from '@/lib/team/actions';
import { accessRequestSchema, registrationSchema } from '@/lib/accounts/schema';
import { guardianSchema } from '@/lib/classes/schema';
import { NAME_MESSAGE } from '@/lib/core/text';

const db = useTestDb();
let team: Team;

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
});

describe('an invitation to an establishment’s address', () => {
  it('is refused, whatever the case, and no invitation or email is written', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    for (const email of ['ce.0352274g@ac-rennes.fr', 'CE.0351847T@AC-RENNES.FR']) {
      const res = await inviteStaffAction({ email, role: 'TEACHER' });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.fieldErrors?.email?.[0]).toMatch(/adresse est celle d'un établissement/);
    }
    expect(await db().prisma.invitation.count()).toBe(0);
    expect(await db().prisma.outboxEmail.count({ where: { template: 'invitation' } })).toBe(0);
  });

  it('still invites a person’s own academic address', async () => {
    actAs(team.members.PRINCIPAL.user.id);
    expect((await inviteStaffAction({ email: 'ce.dupont@ac-rennes.fr', role: 'TEACHER' })).ok).toBe(true);
  });
});

describe('names typed in public forms', () => {
  const link = 'URGENT vérifiez http://evil.example/x';
  it('the access request refuses a name or a function with a link', () => {
    const base = { uai: '0350033W', lastName: 'Durand', firstName: 'Paul', function: 'Enseignant', email: 'paul.durand@ac-rennes.fr' };
    for (const field of ['lastName', 'firstName', 'function'] as const) {
      const r = accessRequestSchema.safeParse({ ...base, [field]: link });
      expect(r.success).toBe(false);
      expect(r.error?.issues.find((i) => i.path[0] === field)?.message).toBe(NAME_MESSAGE);
    }
    expect(accessRequestSchema.safeParse(base).success).toBe(true);
  });

  it('the registration refuses a name with a link', () => {
    const r = registrationSchema.safeParse({ lastName: 'www.evil.fr', firstName: 'Anne' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === 'lastName')?.message).toBe(NAME_MESSAGE);
  });

  it('a guardian’s name cannot carry a link either; an empty guardian stays allowed', () => {
    const r = guardianSchema.safeParse({ lastName: 'Morel', firstName: '<a href=x>', email: '', phone: '' });
    expect(r.success).toBe(false);
    expect(guardianSchema.safeParse({ lastName: '', firstName: '', email: '', phone: '' }).success).toBe(true);
    expect(guardianSchema.safeParse({ lastName: 'Le Goff', firstName: 'Anne-Marie', email: '', phone: '06 12 34 56 78' }).success).toBe(true);
  });
});
