// The platform's team changes (invitations sent and accepted) are in the audit trail, and a
// platform invitation never goes to another establishment's registration address.
import { useTestDb } from '../helpers/db';
import { makeSite, type TestSite } from '../factories/sites';
import { makeEstablishment } from '../factories/people';
import { acceptSiteInvitation, createAccountFromInvitation, inviteSiteStaff } from '@/lib/sites/invitations';

const db = useTestDb();
let demo: TestSite;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  await makeEstablishment(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', kind: 'COLLEGE' });
});

const rawFrom = async (to: string) => {
  const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
  return /\/invitation-plateforme\/([\w-]+)/.exec(mail.text)![1];
};
const invite = (email: string) =>
  inviteSiteStaff({ siteId: demo.site.id, email, role: 'TEACHER', invitedById: demo.admin.id, requestOrigin: 'http://demo.localhost:3000' });

describe('the platform team in the audit trail', () => {
  it('records who invited whom, and the new account joining', async () => {
    const { id } = await invite('anne.guillou@ac-rennes.fr');
    const sent = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: 'site-invitation.create', targetId: id } });
    expect(sent).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, data: { email: 'anne.guillou@ac-rennes.fr', role: 'TEACHER' } });

    const { userId } = await createAccountFromInvitation({
      raw: await rawFrom('anne.guillou@ac-rennes.fr'),
      siteId: demo.site.id,
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Guillou',
      password: 'Accueil-Demo-2026!',
    });
    const joined = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: 'site-invitation.accept', targetId: id } });
    expect(joined).toMatchObject({ actorId: userId, siteId: demo.site.id, data: { role: 'TEACHER', newAccount: true } });
  });

  it('records an existing account accepting', async () => {
    const user = await db().prisma.user.create({ data: { login: 'karim.haddad@ac-rennes.fr', email: 'karim.haddad@ac-rennes.fr', status: 'ACTIVE' } });
    const { id } = await invite('karim.haddad@ac-rennes.fr');
    await acceptSiteInvitation({ raw: await rawFrom('karim.haddad@ac-rennes.fr'), siteId: demo.site.id, user: { id: user.id, email: user.email } });
    expect(await db().prisma.auditEntry.count({ where: { action: 'site-invitation.accept', targetId: id, actorId: user.id, siteId: demo.site.id } })).toBe(1);
  });
});

describe('a platform invitation to an establishment’s address', () => {
  it('is refused for another establishment’s registration address, and nothing is written', async () => {
    const before = await db().prisma.invitation.count();
    await expect(invite('CE.0350033W@ac-rennes.fr')).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { email: [expect.stringMatching(/adresse est celle d'un établissement/)] },
    });
    expect(await db().prisma.invitation.count()).toBe(before);
  });

  it('is accepted for the lycée’s own secretariat address', async () => {
    await expect(invite('ce.0350032v@ac-rennes.fr')).resolves.toMatchObject({ email: 'ce.0350032v@ac-rennes.fr' });
  });
});
