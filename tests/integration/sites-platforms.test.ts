// The operator creates a lycée's platform and invites its staff; invitations are accepted on the
// platform's own host (existing account or a new one).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeSite, type TestSite } from '../factories/sites';
import { makeEstablishment, makeUser } from '../factories/people';
import { createPlatformAction, operatorInviteAction, updatePlatformAction } from '@/lib/sites/operator-actions';
import { acceptSiteInvitationAction, createAccountFromInvitationAction, inviteSiteStaffAction } from '@/lib/sites/actions';
import { readInvitation } from '@/lib/sites/invitations';
import { findSiteByHost } from '@/lib/core/actor';
import { verifyPassword } from '@/lib/core/password';

const db = useTestDb();
let operatorId: string;
let demo: TestSite;

beforeAll(async () => {
  const p = db().prisma;
  operatorId = (await makeUser(p, { email: 'operateur@ministage.localhost', isOperator: true })).id;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  await makeEstablishment(p, { uai: '0350709F', name: 'Lycée professionnel la Champagne', kind: 'LYCEE', city: 'Vitré' });
  await makeEstablishment(p, { uai: '0350033W', name: 'Collège les Ormeaux', kind: 'COLLEGE' });
  await makeEstablishment(p, { uai: '0351962T', name: 'Lycée professionnel Abbé Pierre', kind: 'LYCEE', city: 'Tinténiac' });
  // Another lycée's platform holding a custom domain.
  const belAir = await makeEstablishment(p, { uai: '0350050P', name: 'Lycée professionnel Bel Air', kind: 'LYCEE', city: 'Tinténiac' });
  await p.site.create({ data: { establishmentId: belAir.id, name: 'x', slug: 'autre', domains: { create: [{ host: 'ministage.deja-pris.fr' }] } } });
});

const platform = (over: Record<string, unknown> = {}) => ({
  uai: '0350709f',
  name: 'Lycée professionnel la Champagne',
  slug: 'champagne',
  domains: 'ministage.lycee-champagne.fr',
  logoUrl: '',
  ...over,
});

/** The raw token of the last invitation emailed to that address (read from the outbox). */
async function linkSentTo(email: string) {
  const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'site-invitation' }, orderBy: { createdAt: 'desc' } });
  const url = /http:\/\/[^\s"<]+\/invitation-plateforme\/([A-Za-z0-9_-]+)/.exec(mail.text)!;
  return { url: url[0], token: url[1], mail };
}

describe('creating a platform (operator)', () => {
  it('creates it for a lycée of the directory, reachable on its subdomain and its own domain', async () => {
    actAs(operatorId, 'localhost');
    const res = await createPlatformAction(platform());
    expect(res.ok).toBe(true);
    const bySub = await findSiteByHost('champagne.localhost:3000');
    const byDomain = await findSiteByHost('www.ministage.lycee-champagne.fr');
    expect(bySub?.name).toBe('Lycée professionnel la Champagne');
    expect(byDomain?.id).toBe(bySub?.id);
  });

  it.each([
    ['an unknown UAI', { uai: '0350031U', slug: 'x1', domains: '' }, 'uai', 'Code UAI inconnu de l’annuaire.'],
    [
      'a second platform for the same lycée',
      { slug: 'x0', domains: '' },
      'uai',
      'Ce lycée a déjà sa plateforme : « Lycée professionnel la Champagne » (champagne). Modifiez-la plutôt, par exemple pour lui ajouter un domaine.',
    ],
    ['a collège', { uai: '0350033W', slug: 'x2', domains: '' }, 'uai', 'Ce n’est pas un lycée.'],
    ['a taken subdomain', { uai: '0351962T', slug: 'demo', domains: '' }, 'slug', 'Ce sous-domaine est déjà pris par une autre plateforme : choisissez-en un autre.'],
    ['a reserved subdomain', { uai: '0351962T', slug: 'www', domains: '' }, 'slug', 'Ce sous-domaine est réservé : choisissez-en un autre.'],
    [
      'a subdomain with capitals and spaces',
      { uai: '0351962T', slug: 'Lycée X', domains: '' },
      'slug',
      'Le sous-domaine : 2 à 40 lettres minuscules, chiffres ou tirets (exemple : lycee-guilloux).',
    ],
    [
      'a domain of the root domain',
      { uai: '0351962T', slug: 'x3', domains: 'autre.localhost' },
      'domains',
      '« autre.localhost » appartient au domaine de ministage : la plateforme y est déjà servie par son sous-domaine.',
    ],
    [
      'a domain taken by another platform',
      { uai: '0351962T', slug: 'x4', domains: 'ministage.deja-pris.fr' },
      'domains',
      '« ministage.deja-pris.fr » est déjà utilisé par une autre plateforme.',
    ],
    ['a malformed domain', { uai: '0351962T', slug: 'x5', domains: 'pas un domaine!' }, 'domains', undefined],
  ])('refuses %s with a message on the field', async (_what, over, field, message) => {
    actAs(operatorId, 'localhost');
    const res = await createPlatformAction(platform(over));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.fieldErrors?.[field]?.[0]).toBeDefined();
    if (message) expect(res.error.fieldErrors?.[field]).toContain(message);
  });

  it('is forbidden to anyone but the operator', async () => {
    actAs(demo.admin.id, 'localhost');
    const res = await createPlatformAction(platform({ slug: 'y1', domains: '' }));
    expect(res.ok ? 'OK' : res.error.code).toBe('FORBIDDEN');
  });

  it('changes the domains: a removed domain stops resolving', async () => {
    actAs(operatorId, 'localhost');
    const site = (await findSiteByHost('champagne.localhost'))!;
    const res = await updatePlatformAction({ id: site.id, name: site.name, slug: 'champagne', domains: 'mini.champagne.fr', logoUrl: '', active: true });
    expect(res.ok).toBe(true);
    expect(await findSiteByHost('ministage.lycee-champagne.fr')).toBeNull();
    expect((await findSiteByHost('mini.champagne.fr'))?.id).toBe(site.id);
  });
});

describe('inviting the lycée’s staff', () => {
  it('emails a link on the platform’s host; a new person creates an active, verified account there', async () => {
    const site = (await findSiteByHost('champagne.localhost'))!;
    actAs(operatorId, 'localhost:4000');
    expect((await operatorInviteAction({ siteId: site.id, email: 'Jean.Petit@ac-rennes.fr', role: 'ADMIN' })).ok).toBe(true);
    const { url, token, mail } = await linkSentTo('jean.petit@ac-rennes.fr');
    expect(url.startsWith('http://mini.champagne.fr:4000/invitation-plateforme/')).toBe(true);
    expect(mail.subject).toBe('Invitation sur la plateforme Lycée professionnel la Champagne');
    expect(mail.text).toContain('en tant que administrateur');
    expect(await db().prisma.invitation.findFirst({ where: { tokenHash: token } })).toBeNull(); // only the hash is stored

    actAs(null, 'champagne.localhost');
    const short = await createAccountFromInvitationAction({ token, civility: 'M.', firstName: 'Jean', lastName: 'Petit', password: 'court', confirm: 'court' });
    expect(short.ok ? null : short.error.fieldErrors?.password).toEqual(['Choisissez un mot de passe d’au moins 12 caractères.']);
    const res = await createAccountFromInvitationAction({
      token,
      civility: 'M.',
      firstName: 'Jean',
      lastName: 'Petit',
      password: 'Champagne-2026!',
      confirm: 'Champagne-2026!',
    });
    expect(res).toEqual({ ok: true, data: { email: 'jean.petit@ac-rennes.fr' } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: 'jean.petit@ac-rennes.fr' }, include: { siteMemberships: true } });
    expect([user.status, !!user.emailVerified, user.login, user.siteMemberships.map((m) => [m.siteId, m.role])]).toEqual([
      'ACTIVE',
      true,
      'jean.petit@ac-rennes.fr',
      [[site.id, 'ADMIN']],
    ]);
    expect(await verifyPassword('Champagne-2026!', user.passwordHash)).toBe(true);

    const again = await createAccountFromInvitationAction({
      token,
      civility: '',
      firstName: 'X',
      lastName: 'Y',
      password: 'Champagne-2026!',
      confirm: 'Champagne-2026!',
    });
    expect(again.ok ? null : again.error.message).toBe('Cette invitation a déjà été acceptée. Connectez-vous avec votre compte.');
  });

  it('lets an existing account accept on the platform, but only the invited address', async () => {
    const colleague = await makeUser(db().prisma, { email: 'anne.guillou@ac-rennes.fr' });
    actAs(demo.admin.id, demo.host);
    expect((await inviteSiteStaffAction({ email: 'anne.guillou@ac-rennes.fr', role: 'TEACHER' })).ok).toBe(true);
    const { token } = await linkSentTo('anne.guillou@ac-rennes.fr');
    expect(await readInvitation(token, demo.site.id)).toMatchObject({ state: 'valid', accountExists: true, link: { siteRole: 'TEACHER' } });

    actAs(demo.teacherUser.id, demo.host);
    const wrong = await acceptSiteInvitationAction({ token });
    expect(wrong.ok ? null : wrong.error.message).toMatch(/^Cette invitation a été envoyée à anne.guillou@ac-rennes.fr\./);

    actAs(colleague.id, 'champagne.localhost');
    const elsewhere = await acceptSiteInvitationAction({ token });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('NOT_FOUND');

    actAs(colleague.id, demo.host);
    expect(await acceptSiteInvitationAction({ token })).toEqual({ ok: true, data: { role: 'TEACHER' } });
    expect(await db().prisma.siteMembership.count({ where: { siteId: demo.site.id, userId: colleague.id, role: 'TEACHER' } })).toBe(1);
  });

  it('refuses to invite a current member, and replaces an older invitation by a newer one', async () => {
    actAs(demo.admin.id, demo.host);
    const member = await inviteSiteStaffAction({ email: demo.teacherUser.email, role: 'TEACHER' });
    expect(member.ok ? null : member.error.fieldErrors?.email).toEqual(['Déjà membre de l’équipe.']);
    await inviteSiteStaffAction({ email: 'karim.haddad@ac-rennes.fr', role: 'TEACHER' });
    const first = (await linkSentTo('karim.haddad@ac-rennes.fr')).token;
    await new Promise((r) => setTimeout(r, 5));
    await inviteSiteStaffAction({ email: 'karim.haddad@ac-rennes.fr', role: 'ADMIN' });
    const second = (await linkSentTo('karim.haddad@ac-rennes.fr')).token;
    expect(second).not.toBe(first);
    expect((await readInvitation(first, demo.site.id)).state).toBe('revoked');
    expect(await readInvitation(second, demo.site.id)).toMatchObject({ state: 'valid', link: { siteRole: 'ADMIN' }, accountExists: false });
  });

  it('says when the link has expired', async () => {
    actAs(demo.admin.id, demo.host);
    await inviteSiteStaffAction({ email: 'late@ac-rennes.fr', role: 'TEACHER' });
    const { token } = await linkSentTo('late@ac-rennes.fr');
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect((await readInvitation(token, demo.site.id, later)).state).toBe('expired');
  });
});
