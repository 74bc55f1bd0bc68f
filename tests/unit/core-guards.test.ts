// lib/core/guards: the decision (pure), the « Accès réservé » screen, and the guards carrying the
// decision out (session and next/navigation mocked: redirect and notFound throw, as in Next).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Actor } from '@/lib/core/actor';
import { PERMISSIONS, type Permission, type Role } from '@/lib/core/permissions';
import { NOT_MEMBER_HINT, audienceOf, decideAccess, deniedProps, requireMember, requireOperator, requireSite, requireUser, type Requirement } from '@/lib/core/guards';
import { AccessDenied } from '@/components/ui/AccessDenied';

let mockActor: Actor;
jest.mock('@/lib/core/session', () => ({ getActor: async () => mockActor }));
jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error('NOT_FOUND');
  },
}));

const USER = {
  id: 'u1',
  login: 'claire@ac-rennes.fr',
  email: 'claire@ac-rennes.fr',
  firstName: 'Claire',
  lastName: 'Dupont',
  name: 'Claire Dupont',
  isOperator: false,
  emailVerified: true,
  actingEstablishmentId: null,
};
const MEMBER = { membershipId: 'm1', establishmentId: 'e1', establishmentName: 'Collège Brassens', establishmentUai: '0351234A', role: 'PRINCIPAL' as const };
const SITE = { id: 's1', name: 'Lycée Démo', slug: 'demo', establishmentId: 'e9', host: 'demo.localhost' };

/** A person: signed in or not, on a platform host or not, with these roles (a staff role gives a membership). */
function person(opts: { signedIn?: boolean; site?: boolean; roles?: Role[] } = {}): Actor {
  const roles = opts.signedIn === false ? [] : (opts.roles ?? []);
  const staff = roles.find((r) => !['PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'].includes(r));
  return {
    user: opts.signedIn === false ? null : { ...USER, isOperator: roles.includes('OPERATOR') },
    member: staff ? { ...MEMBER, role: staff as typeof MEMBER.role } : null,
    memberships: staff ? [{ establishmentId: MEMBER.establishmentId, establishmentName: MEMBER.establishmentName, establishmentUai: MEMBER.establishmentUai }] : [],
    pupil: roles.includes('PUPIL') ? { id: 'p1', establishmentId: 'e1', classRoomId: null } : null,
    site: opts.site ? SITE : null,
    tenant: opts.site ? { kind: 'subdomain', host: SITE.host, slug: SITE.slug } : { kind: 'root', host: 'localhost' },
    roles,
  };
}

const ALL_ROLES: Role[] = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY', 'PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'];
const PERMS = Object.keys(PERMISSIONS) as Permission[];
const holds = (role: Role, p: Permission) => (PERMISSIONS[p] as readonly Role[]).includes(role);

describe('decideAccess', () => {
  it('sends nobody to sign in, on the portal or a platform, before any permission check', () => {
    const nobody = person({ signedIn: false });
    const nobodyOnSite = person({ signedIn: false, site: true });
    expect(decideAccess(nobody, { kind: 'user' })).toBe('sign-in');
    expect(decideAccess(nobody, { kind: 'operator' })).toBe('sign-in');
    for (const p of PERMS) {
      expect(decideAccess(nobody, { kind: 'member', permission: p })).toBe('sign-in');
      expect(decideAccess(nobodyOnSite, { kind: 'site', permission: p })).toBe('sign-in');
    }
  });

  it('answers not found for a platform page on a host without a platform, signed in or not', () => {
    for (const signedIn of [true, false]) {
      expect(decideAccess(person({ signedIn, roles: ['SITE_ADMIN'] }), { kind: 'site' })).toBe('not-found');
      expect(decideAccess(person({ signedIn, roles: ['SITE_ADMIN'] }), { kind: 'site', permission: 'stages:publish' })).toBe('not-found');
    }
  });

  it('lets anyone see a public platform page', () => {
    expect(decideAccess(person({ signedIn: false, site: true }), { kind: 'site' })).toBe('ok');
    expect(decideAccess(person({ site: true }), { kind: 'site' })).toBe('ok');
  });

  it('lets any signed-in person through requireUser', () => {
    for (const role of ALL_ROLES) expect(decideAccess(person({ roles: [role] }), { kind: 'user' })).toBe('ok');
    expect(decideAccess(person({ roles: [] }), { kind: 'user' })).toBe('ok');
  });

  it('walks the permission table: member pages need a membership holding the permission', () => {
    for (const p of PERMS) {
      for (const role of ALL_ROLES) {
        const expected = holds(role, p) && !['PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'].includes(role) ? 'ok' : 'denied';
        expect({ p, role, d: decideAccess(person({ roles: [role] }), { kind: 'member', permission: p }) }).toEqual({ p, role, d: expected });
      }
    }
  });

  it('walks the permission table: platform pages need the permission on this platform (any of several)', () => {
    for (const p of PERMS) {
      for (const role of ALL_ROLES) {
        const d = decideAccess(person({ site: true, roles: [role] }), { kind: 'site', permission: p });
        expect({ p, role, d }).toEqual({ p, role, d: holds(role, p) ? 'ok' : 'denied' });
      }
    }
    const staffOrCollege: Requirement = { kind: 'site', permission: ['enrolments:view-site', 'enrolments:create'] };
    expect(decideAccess(person({ site: true, roles: ['SITE_TEACHER'] }), staffOrCollege)).toBe('ok');
    expect(decideAccess(person({ site: true, roles: ['MAIN_TEACHER'] }), staffOrCollege)).toBe('ok');
    // A teacher without class reaches no pupil: enrolling is not theirs.
    expect(decideAccess(person({ site: true, roles: ['TEACHER'] }), staffOrCollege)).toBe('denied');
    expect(decideAccess(person({ site: true, roles: ['PUPIL'] }), staffOrCollege)).toBe('denied');
    expect(decideAccess(person({ site: true, roles: [] }), staffOrCollege)).toBe('denied');
  });

  it('keeps operator pages for the operator', () => {
    for (const role of ALL_ROLES) expect(decideAccess(person({ roles: [role] }), { kind: 'operator' })).toBe(role === 'OPERATOR' ? 'ok' : 'denied');
    expect(decideAccess(person({ roles: ['PRINCIPAL', 'OPERATOR'] }), { kind: 'operator' })).toBe('ok');
  });
});

describe('the « Accès réservé » screen', () => {
  const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '|');

  it('says what the screens it replaced said, word for word (heading, sentence, way back)', () => {
    for (const what of ['à l’équipe technique de la plateforme', 'au chef d’établissement et à ses adjoints']) {
      const html = renderToStaticMarkup(createElement(AccessDenied, { what }));
      expect(text(html)).toBe(
        `||Accès réservé||Cette page est réservée ${what}. Si vous pensez devoir y accéder, adressez-vous à votre chef d’établissement ou à l’équipe technique.|||Retour à l’accueil|||`,
      );
      expect(html).toContain('href="/"');
    }
  });

  it('takes another hint and another way back', () => {
    const html = renderToStaticMarkup(
      createElement(AccessDenied, { what: 'aux professeurs principaux', hint: 'Demandez à votre chef.', back: { href: '/stages/1', label: 'Retour au stage' } }),
    );
    expect(html).toContain('<h1>Accès réservé</h1>');
    expect(html).toContain('Cette page est réservée aux professeurs principaux. Demandez à votre chef.');
    expect(html).toContain('href="/stages/1"');
  });

  it('names the audience of every permission from its roles, with today’s sentences', () => {
    expect(audienceOf('platform:operate')).toBe('à l’équipe technique de la plateforme');
    expect(audienceOf('access-requests:answer')).toBe('au chef d’établissement et à ses adjoints');
    expect(audienceOf('team:view')).toBe('aux membres de l’équipe pédagogique d’un collège');
    expect(audienceOf('stages:publish')).toBe('aux enseignants et aux administrateurs de la plateforme du lycée');
    expect(audienceOf('site:manage')).toBe('aux administrateurs de la plateforme du lycée');
    expect(audienceOf('establishment:edit-info')).toBe('au chef d’établissement, à ses adjoints et au secrétariat');
    for (const p of PERMS) expect(audienceOf(p)).toMatch(/^(à|au|aux) /);
  });

  it('tells a signed-in person without a collège that their sign-up may await approval', () => {
    expect(deniedProps(person({ roles: [] }), { kind: 'member', permission: 'classes:manage' })).toEqual({
      what: 'aux membres de l’équipe pédagogique d’un collège',
      hint: NOT_MEMBER_HINT,
      back: undefined,
    });
    expect(deniedProps(person({ roles: ['TEACHER'] }), { kind: 'member', permission: 'access-requests:answer' })).toMatchObject({
      what: 'au chef d’établissement et à ses adjoints',
      hint: undefined,
    });
    expect(deniedProps(person({ roles: [] }), { kind: 'operator' }).what).toBe('à l’équipe technique de la plateforme');
    expect(deniedProps(person({ site: true }), { kind: 'site', permission: 'stages:publish' }, { back: { href: '/calendrier', label: 'Retour au calendrier' } })).toEqual(
      {
        what: 'aux enseignants et aux administrateurs de la plateforme du lycée',
        hint: undefined,
        back: { href: '/calendrier', label: 'Retour au calendrier' },
      },
    );
    expect(
      deniedProps(
        person({ site: true }),
        { kind: 'site', permission: ['enrolments:view-site', 'enrolments:create'] },
        { what: 'à l’équipe du lycée et aux équipes des collèges' },
      ).what,
    ).toBe('à l’équipe du lycée et aux équipes des collèges');
  });
});

describe('the guards', () => {
  it('requireUser: the person, or the sign-in page coming back here', async () => {
    mockActor = person({ roles: [] });
    await expect(requireUser('/mon-compte')).resolves.toMatchObject({ ok: true, user: { id: 'u1' } });
    mockActor = person({ signedIn: false });
    await expect(requireUser('/mon-compte')).rejects.toThrow('REDIRECT /connexion?callbackUrl=%2Fmon-compte');
    await expect(requireUser('//evil.example/x')).rejects.toThrow('REDIRECT /connexion?callbackUrl=%2F');
  });

  it('requireMember: the member, the screen, or sign-in', async () => {
    mockActor = person({ roles: ['PRINCIPAL'] });
    await expect(requireMember('access-requests:answer', '/etablissement/demandes')).resolves.toMatchObject({ ok: true, member: { establishmentId: 'e1' } });
    mockActor = person({ roles: ['TEACHER'] });
    const denied = await requireMember('access-requests:answer', '/etablissement/demandes');
    if (denied.ok) throw new Error('expected a refusal');
    expect(renderToStaticMarkup(denied.denied)).toContain('Cette page est réservée au chef d’établissement et à ses adjoints.');
    mockActor = person({ signedIn: false });
    await expect(requireMember('team:view', '/etablissement')).rejects.toThrow('REDIRECT /connexion?callbackUrl=%2Fetablissement');
  });

  it('requireSite: not found without a platform, public without a permission, else staff', async () => {
    mockActor = person({ signedIn: false });
    await expect(requireSite()).rejects.toThrow('NOT_FOUND');
    await expect(requireSite('stages:publish', '/calendrier/nouveau')).rejects.toThrow('NOT_FOUND');
    mockActor = person({ signedIn: false, site: true });
    await expect(requireSite()).resolves.toMatchObject({ ok: true, site: { id: 's1' }, user: null });
    await expect(requireSite('stages:publish', '/calendrier/nouveau?date=2027-03-12')).rejects.toThrow(
      'REDIRECT /connexion?callbackUrl=%2Fcalendrier%2Fnouveau%3Fdate%3D2027-03-12',
    );
    mockActor = person({ site: true, roles: ['SITE_TEACHER'] });
    await expect(requireSite('stages:publish', '/calendrier/nouveau')).resolves.toMatchObject({ ok: true, site: { id: 's1' }, user: { id: 'u1' } });
    mockActor = person({ site: true, roles: ['TEACHER'] });
    const g = await requireSite('stages:publish', { path: '/stages/x/modifier', back: { href: '/stages/x', label: 'Retour au stage' } });
    if (g.ok) throw new Error('expected a refusal');
    const html = renderToStaticMarkup(g.denied);
    expect(html).toContain('réservée aux enseignants et aux administrateurs de la plateforme du lycée');
    expect(html).toContain('href="/stages/x"');
  });

  it('requireOperator: the operator, the screen, or sign-in', async () => {
    mockActor = person({ roles: ['OPERATOR'] });
    await expect(requireOperator('/operateur')).resolves.toMatchObject({ ok: true, user: { id: 'u1' } });
    mockActor = person({ roles: ['PRINCIPAL'] });
    const g = await requireOperator('/operateur');
    if (g.ok) throw new Error('expected a refusal');
    expect(renderToStaticMarkup(g.denied)).toBe(renderToStaticMarkup(createElement(AccessDenied, { what: 'à l’équipe technique de la plateforme' })));
    mockActor = person({ signedIn: false });
    await expect(requireOperator('/operateur/demandes')).rejects.toThrow('REDIRECT /connexion?callbackUrl=%2Foperateur%2Fdemandes');
  });
});
