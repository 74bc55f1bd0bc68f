// lib/core/links: issue / check / consume against the real tables (AuthToken, Invitation), one
// state type for every purpose, and the texts each page shows.
import { createHash } from 'node:crypto';
import { useTestDb } from '../helpers/db';
import * as clock from '@/lib/core/clock';
import {
  LINK_TEXTS,
  MAX_TOKEN_LENGTH,
  checkLink,
  consumeLink,
  hashLinkToken,
  issueLink,
  linkMessage,
  linkPath,
  linkRefusal,
  newLinkToken,
  reissueLink,
  revokeAccountLinks,
  revokeLink,
  type LinkQuery,
} from '@/lib/core/links';
import { AppError } from '@/lib/core/errors';

const db = useTestDb();
const T0 = new Date('2027-03-10T10:00:00Z');
let userId: string;
let otherUserId: string;
let establishmentId: string;
let siteId: string;
let otherSiteId: string;
let n = 0;

const sha256 = (raw: string) => createHash('sha256').update(raw).digest('hex');
const NOT_TEAM = "Cette invitation concerne la plateforme d'un lycée : ouvrez-la depuis l'adresse de cette plateforme.";
const email = () => `personne${++n}@ac-rennes.fr`;

beforeAll(async () => {
  const { prisma } = db();
  const user = await prisma.user.create({ data: { login: 'claire.dupont@ac-rennes.fr', email: 'claire.dupont@ac-rennes.fr', status: 'PENDING_ACTIVATION' } });
  const other = await prisma.user.create({ data: { login: 'paul.martin@ac-rennes.fr', email: 'paul.martin@ac-rennes.fr' } });
  userId = user.id;
  otherUserId = other.id;
  const college = await prisma.establishment.create({
    data: { uai: '0351234A', name: 'Collège Georges Brassens', kind: 'COLLEGE', isPublic: true, open: true, city: 'Le Rheu' },
  });
  establishmentId = college.id;
  const lycee = await prisma.establishment.create({ data: { uai: '0350032V', name: 'Lycée Louis Guilloux', kind: 'LYCEE', isPublic: true, open: true, city: 'Rennes' } });
  const lycee2 = await prisma.establishment.create({ data: { uai: '0350033W', name: 'Lycée Bréquigny', kind: 'LYCEE', isPublic: true, open: true, city: 'Rennes' } });
  siteId = (await prisma.site.create({ data: { name: 'Lycée des métiers Démo', slug: 'demo', establishmentId: lycee.id } })).id;
  otherSiteId = (await prisma.site.create({ data: { name: 'Lycée Bréquigny', slug: 'brequigny', establishmentId: lycee2.id } })).id;
});

afterEach(() => clock.setNow(null));

const issue = (input: Parameters<typeof issueLink>[1]) => db().prisma.$transaction((t) => issueLink(t, input));
const check = (query: LinkQuery) => checkLink(db().prisma, query);
const consume = (query: LinkQuery) => db().prisma.$transaction((t) => consumeLink(t, query));
const staff = () => ({
  purpose: 'staff-invitation' as const,
  email: email(),
  establishmentId,
  staffRole: 'TEACHER' as const,
  invitedById: otherUserId,
  ttlMinutes: 7 * 24 * 60,
  now: T0,
});
const platform = (to = email()) => ({
  purpose: 'platform-invitation' as const,
  email: to,
  siteId,
  siteRole: 'ADMIN' as const,
  invitedById: otherUserId,
  ttlMinutes: 7 * 24 * 60,
  now: T0,
});

describe('tokens', () => {
  it('issues 43-character base64url tokens, never twice the same', () => {
    const seen = new Set(Array.from({ length: 200 }, newLinkToken));
    expect(seen.size).toBe(200);
    for (const raw of seen) expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes with SHA-256 in hex, exactly as the rows already stored were hashed', async () => {
    for (const raw of ['abc', newLinkToken(), 'é€😀', '']) {
      expect(await hashLinkToken(raw)).toBe(sha256(raw));
    }
  });

  it('stores only the hash of the token, with the expiry and the purpose', async () => {
    const { raw, id, expiresAt } = await issue({ purpose: 'password-reset', userId: otherUserId, ttlMinutes: 60, now: T0 });
    const row = await db().prisma.authToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: 'PASSWORD_RESET', tokenHash: sha256(raw), userId: otherUserId, usedAt: null });
    expect(row.expiresAt).toEqual(new Date(T0.getTime() + 60 * 60_000));
    expect(expiresAt).toEqual(row.expiresAt);
    expect(JSON.stringify(row)).not.toContain(raw);
    const inv = await issue(staff());
    const stored = await db().prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(stored.tokenHash).toBe(sha256(inv.raw));
    expect(JSON.stringify(stored)).not.toContain(inv.raw);
  });
});

describe('valid', () => {
  it('reads an account link as valid with its person', async () => {
    const { raw, id } = await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 });
    expect(await check({ purpose: 'activation', raw, now: T0 })).toEqual({ state: 'valid', link: { id, userId, expiresAt: new Date(T0.getTime() + 5 * 60_000) } });
  });

  it('reads invitations as valid with what they invite to', async () => {
    const s = staff();
    const a = await issue(s);
    expect(await check({ purpose: 'staff-invitation', raw: a.raw, now: T0 })).toEqual({
      state: 'valid',
      link: { id: a.id, email: s.email, establishmentId, staffRole: 'TEACHER', invitedById: otherUserId, expiresAt: a.expiresAt },
    });
    const p = platform();
    const b = await issue(p);
    expect(await check({ purpose: 'platform-invitation', raw: b.raw, siteId, now: T0 })).toEqual({
      state: 'valid',
      link: { id: b.id, email: p.email, siteId, siteRole: 'ADMIN', invitedById: otherUserId, expiresAt: b.expiresAt },
    });
  });

  it('uses the app clock when no date is given', async () => {
    clock.setNow(T0, { frozen: true });
    const { raw } = await issue({ purpose: 'activation', userId, ttlMinutes: 5 });
    expect((await check({ purpose: 'activation', raw })).state).toBe('valid');
  });
});

describe('expired', () => {
  it('expires at the end of its lifetime (setNow), for every purpose', async () => {
    clock.setNow(T0, { frozen: true });
    const links = [
      { q: { purpose: 'activation' as const }, issued: await issue({ purpose: 'activation', userId: otherUserId, ttlMinutes: 5 }) },
      { q: { purpose: 'password-reset' as const }, issued: await issue({ purpose: 'password-reset', userId, ttlMinutes: 60 }) },
      { q: { purpose: 'staff-invitation' as const }, issued: await issue({ ...staff(), now: undefined }) },
      { q: { purpose: 'platform-invitation' as const, siteId }, issued: await issue({ ...platform(), now: undefined }) },
    ];
    for (const { q, issued } of links) {
      clock.setNow(new Date(issued.expiresAt.getTime() - 1), { frozen: true });
      expect((await check({ ...q, raw: issued.raw } as LinkQuery)).state).toBe('valid');
      clock.setNow(issued.expiresAt, { frozen: true });
      const expired = await check({ ...q, raw: issued.raw } as LinkQuery);
      expect(expired).toMatchObject({ state: 'expired', link: { id: issued.id } });
      expect(await consume({ ...q, raw: issued.raw } as LinkQuery)).toMatchObject({ state: 'expired' });
    }
  });

  it('cannot be consumed once expired, and stays unused', async () => {
    const { raw, id } = await issue({ purpose: 'activation', userId: otherUserId, ttlMinutes: 5, now: T0 });
    clock.setNow(new Date(T0.getTime() + 6 * 60_000), { frozen: true });
    expect((await consume({ purpose: 'activation', raw })).state).toBe('expired');
    expect((await db().prisma.authToken.findUniqueOrThrow({ where: { id } })).usedAt).toBeNull();
  });
});

describe('used', () => {
  it('is valid once, then used (account links and invitations)', async () => {
    const cases: { q: { purpose: LinkQuery['purpose']; siteId?: string }; raw: string }[] = [
      { q: { purpose: 'activation' }, raw: (await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 })).raw },
      { q: { purpose: 'password-reset' }, raw: (await issue({ purpose: 'password-reset', userId, ttlMinutes: 60, now: T0 })).raw },
      { q: { purpose: 'staff-invitation' }, raw: (await issue(staff())).raw },
      { q: { purpose: 'platform-invitation', siteId }, raw: (await issue(platform())).raw },
    ];
    for (const { q, raw } of cases) {
      const query = { ...q, raw, now: T0 } as LinkQuery;
      expect((await consume(query)).state).toBe('valid');
      expect((await check(query)).state).toBe('used');
      expect((await consume(query)).state).toBe('used');
    }
  });

  it('marks the row used at the time of use', async () => {
    const { raw, id } = await issue(staff());
    const at = new Date(T0.getTime() + 3_600_000);
    await consume({ purpose: 'staff-invitation', raw, now: at });
    expect((await db().prisma.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toEqual(at);
  });

  it('supersedes a person’s older account link of the same purpose (it then reads as used)', async () => {
    const first = await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 });
    const reset = await issue({ purpose: 'password-reset', userId, ttlMinutes: 60, now: T0 });
    const second = await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 });
    expect((await check({ purpose: 'activation', raw: first.raw, now: T0 })).state).toBe('used');
    expect((await check({ purpose: 'activation', raw: second.raw, now: T0 })).state).toBe('valid');
    expect((await check({ purpose: 'password-reset', raw: reset.raw, now: T0 })).state).toBe('valid');
  });
});

describe('revoked', () => {
  it('reads a revoked invitation as revoked, and refuses to consume it', async () => {
    const { raw, id } = await issue(staff());
    expect(await db().prisma.$transaction((t) => revokeLink(t, { purpose: 'staff-invitation', id, now: T0 }))).toBe(true);
    expect(await check({ purpose: 'staff-invitation', raw, now: T0 })).toMatchObject({ state: 'revoked', link: { id } });
    expect((await consume({ purpose: 'staff-invitation', raw, now: T0 })).state).toBe('revoked');
    expect(await db().prisma.$transaction((t) => revokeLink(t, { purpose: 'staff-invitation', id, now: T0 }))).toBe(false);
  });

  it('revokes the pending platform invitation to the same address when a new one is issued', async () => {
    const to = email();
    const first = await issue(platform(to));
    const second = await issue(platform(to));
    expect((await check({ purpose: 'platform-invitation', raw: first.raw, siteId, now: T0 })).state).toBe('revoked');
    expect((await check({ purpose: 'platform-invitation', raw: second.raw, siteId, now: T0 })).state).toBe('valid');
  });

  it('stops a person’s open account links of the given purposes only (they then read as used)', async () => {
    const activation = await issue({ purpose: 'activation', userId: otherUserId, ttlMinutes: 5, now: T0 });
    const reset = await issue({ purpose: 'password-reset', userId: otherUserId, ttlMinutes: 60, now: T0 });
    const someoneElse = await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 });
    expect(await db().prisma.$transaction((t) => revokeAccountLinks(t, { userId: otherUserId, purposes: ['activation'], now: T0 }))).toBe(1);
    expect((await check({ purpose: 'activation', raw: activation.raw, now: T0 })).state).toBe('used');
    expect((await check({ purpose: 'password-reset', raw: reset.raw, now: T0 })).state).toBe('valid');
    expect((await check({ purpose: 'activation', raw: someoneElse.raw, now: T0 })).state).toBe('valid');
    expect(await db().prisma.$transaction((t) => revokeAccountLinks(t, { userId: otherUserId, purposes: ['activation', 'password-reset'], now: T0 }))).toBe(1);
    expect((await check({ purpose: 'password-reset', raw: reset.raw, now: T0 })).state).toBe('used');
  });

  it('a used link is not revoked afterwards (used wins)', async () => {
    const { raw, id } = await issue(staff());
    await consume({ purpose: 'staff-invitation', raw, now: T0 });
    expect(await db().prisma.$transaction((t) => revokeLink(t, { purpose: 'staff-invitation', id, now: T0 }))).toBe(false);
    expect((await check({ purpose: 'staff-invitation', raw, now: T0 })).state).toBe('used');
  });
});

describe('unknown', () => {
  it('reads a made-up, empty or over-long token as unknown', async () => {
    for (const raw of [newLinkToken(), '', 'x'.repeat(MAX_TOKEN_LENGTH + 1), '%', '../../etc']) {
      for (const q of [{ purpose: 'activation' }, { purpose: 'password-reset' }, { purpose: 'staff-invitation' }, { purpose: 'platform-invitation', siteId }] as const) {
        expect(await check({ ...q, raw } as LinkQuery)).toEqual({ state: 'unknown' });
        expect(await consume({ ...q, raw } as LinkQuery)).toEqual({ state: 'unknown' });
      }
    }
  });

  it('refuses to read a platform invitation without its platform', async () => {
    await expect(check({ purpose: 'platform-invitation', raw: 'x', siteId: '' })).rejects.toThrow(/siteId/);
  });

  it('a new token on the same invitation (« Renvoyer ») makes the old link unknown', async () => {
    const { raw, id } = await issue(staff());
    const again = await db().prisma.$transaction((t) => reissueLink(t, { purpose: 'staff-invitation', id, ttlMinutes: 60, now: T0 }));
    expect(again).toMatchObject({ id, expiresAt: new Date(T0.getTime() + 3_600_000) });
    expect(await check({ purpose: 'staff-invitation', raw, now: T0 })).toEqual({ state: 'unknown' });
    expect((await check({ purpose: 'staff-invitation', raw: again!.raw, now: T0 })).state).toBe('valid');
    await consume({ purpose: 'staff-invitation', raw: again!.raw, now: T0 });
    expect(await db().prisma.$transaction((t) => reissueLink(t, { purpose: 'staff-invitation', id, ttlMinutes: 60, now: T0 }))).toBeNull();
  });
});

describe('wrong purpose', () => {
  it('an activation link is unknown as a password reset, and the other way round', async () => {
    const activation = await issue({ purpose: 'activation', userId, ttlMinutes: 5, now: T0 });
    const reset = await issue({ purpose: 'password-reset', userId, ttlMinutes: 60, now: T0 });
    expect(await check({ purpose: 'password-reset', raw: activation.raw, now: T0 })).toEqual({ state: 'unknown', otherPurpose: 'activation' });
    expect(await check({ purpose: 'activation', raw: reset.raw, now: T0 })).toEqual({ state: 'unknown', otherPurpose: 'password-reset' });
    expect(await consume({ purpose: 'password-reset', raw: activation.raw, now: T0 })).toMatchObject({ state: 'unknown' });
    expect((await check({ purpose: 'activation', raw: activation.raw, now: T0 })).state).toBe('valid'); // untouched
    expect(linkMessage('password-reset', { state: 'unknown', otherPurpose: 'activation' })).toBe(LINK_TEXTS['password-reset'].messages.unknown);
  });

  it('an invitation is never an account link, and an account link never an invitation', async () => {
    const inv = await issue(staff());
    const activation = await issue({ purpose: 'activation', userId: otherUserId, ttlMinutes: 5, now: T0 });
    expect(await check({ purpose: 'activation', raw: inv.raw, now: T0 })).toEqual({ state: 'unknown' });
    expect(await check({ purpose: 'staff-invitation', raw: activation.raw, now: T0 })).toEqual({ state: 'unknown' });
  });

  it('a staff invitation is unknown on a platform, and a platform invitation is « not a team one » on the portal', async () => {
    const team = await issue(staff());
    const plat = await issue(platform());
    expect(await check({ purpose: 'platform-invitation', raw: team.raw, siteId, now: T0 })).toEqual({ state: 'unknown', otherPurpose: 'staff-invitation' });
    const onPortal = await check({ purpose: 'staff-invitation', raw: plat.raw, now: T0 });
    expect(onPortal).toEqual({ state: 'unknown', otherPurpose: 'platform-invitation' });
    if (onPortal.state !== 'unknown') throw new Error('unreachable');
    expect(linkMessage('staff-invitation', onPortal)).toBe(NOT_TEAM);
    expect(linkRefusal('staff-invitation', onPortal)).toMatchObject({ code: 'CONFLICT', message: NOT_TEAM });
    expect((await consume({ purpose: 'staff-invitation', raw: plat.raw, now: T0 })).state).toBe('unknown');
    expect((await check({ purpose: 'platform-invitation', raw: plat.raw, siteId, now: T0 })).state).toBe('valid'); // untouched
  });

  it('a platform invitation is unknown on another platform', async () => {
    const plat = await issue(platform());
    expect(await check({ purpose: 'platform-invitation', raw: plat.raw, siteId: otherSiteId, now: T0 })).toEqual({ state: 'unknown' });
    expect((await consume({ purpose: 'platform-invitation', raw: plat.raw, siteId: otherSiteId, now: T0 })).state).toBe('unknown');
  });

  it('reads a convention signature link on its platform only (the caller must say which)', async () => {
    await expect(checkLink(db().prisma, { purpose: 'convention-signature', raw: 'x' } as never)).rejects.toThrow(/read on its platform \(siteId\)/);
    expect((await checkLink(db().prisma, { purpose: 'convention-signature', raw: 'x', siteId: 'any' })).state).toBe('unknown');
  });
});

describe('concurrent consumption', () => {
  it.each([
    ['activation', () => issue({ purpose: 'activation', userId: otherUserId, ttlMinutes: 5, now: T0 })],
    ['password-reset', () => issue({ purpose: 'password-reset', userId: otherUserId, ttlMinutes: 60, now: T0 })],
    ['staff-invitation', () => issue(staff())],
    ['platform-invitation', () => issue(platform())],
  ] as const)('lets exactly one of five simultaneous uses win (%s)', async (purpose, make) => {
    const { raw, id } = await make();
    const query = { purpose, raw, now: T0, siteId } as LinkQuery;
    const results = await Promise.all(Array.from({ length: 5 }, () => consume(query)));
    expect(results.filter((r) => r.state === 'valid')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'used')).toHaveLength(4);
    for (const r of results) if (r.state !== 'unknown') expect(r.link.id).toBe(id);
  });

  it('rolls the use back with the caller’s transaction', async () => {
    const { raw } = await issue(staff());
    await expect(
      db().prisma.$transaction(async (t) => {
        expect((await consumeLink(t, { purpose: 'staff-invitation', raw, now: T0 })).state).toBe('valid');
        throw new Error('the membership could not be created');
      }),
    ).rejects.toThrow(/membership/);
    expect((await check({ purpose: 'staff-invitation', raw, now: T0 })).state).toBe('valid');
  });
});

describe('texts', () => {
  // The sentences the pages said before the core existed (lib/core/sign-in-messages.ts, lib/accounts/passwords.ts,
  // lib/team/accept.ts, lib/sites/invitations.ts), verbatim: a change of wording is a decision, not an accident.
  it('keeps the pages’ sentences, verbatim', () => {
    const activationUsed = 'Ce lien d’activation a déjà été utilisé. Si votre compte est activé, connectez-vous.';
    expect(LINK_TEXTS.activation.messages).toEqual({
      expired: 'Ce lien d’activation a expiré. Demandez un nouvel email d’activation : il contiendra un nouveau lien.',
      used: activationUsed,
      revoked: activationUsed,
      unknown: 'Ce lien d’activation n’est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez un nouvel email d’activation.',
    });
    const resetUsed = 'Ce lien de réinitialisation a déjà été utilisé. Si besoin, demandez-en un nouveau.';
    expect(LINK_TEXTS['password-reset'].messages).toEqual({
      expired: 'Ce lien de réinitialisation a expiré (il est valable 1 heure). Demandez-en un nouveau.',
      used: resetUsed,
      revoked: resetUsed,
      unknown: "Ce lien de réinitialisation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez-en un nouveau.",
    });
    expect(LINK_TEXTS['staff-invitation'].messages).toEqual({
      expired: "Cette invitation a expiré. Demandez à votre chef d'établissement de vous la renvoyer (« Renvoyer » sur la page Équipe).",
      used: 'Cette invitation a déjà été utilisée : votre compte existe. Connectez-vous avec votre adresse email.',
      revoked: "Cette invitation a été annulée par l'établissement. Si c'est une erreur, demandez une nouvelle invitation à votre chef d'établissement.",
      unknown: "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez une nouvelle invitation à votre chef d'établissement.",
    });
    expect(LINK_TEXTS['platform-invitation'].messages).toEqual({
      unknown: 'Ce lien d’invitation n’est pas valable sur cette plateforme. Vérifiez que vous avez copié le lien en entier.',
      expired: 'Ce lien d’invitation a expiré. Demandez à l’administrateur de la plateforme de vous inviter à nouveau.',
      used: 'Cette invitation a déjà été acceptée. Connectez-vous avec votre compte.',
      revoked: 'Cette invitation a été remplacée par une plus récente : utilisez le dernier lien reçu.',
    });
    expect(LINK_TEXTS['staff-invitation'].otherPurpose).toEqual({ 'platform-invitation': NOT_TEAM });
    for (const t of Object.values(LINK_TEXTS)) for (const m of Object.values(t.messages)) expect(m).toMatch(/^[A-ZÀ-Ý].+\.$/);
  });

  it('builds the link paths the pages answer', () => {
    expect(linkPath('activation', 'abc')).toBe('/activation/abc');
    expect(linkPath('password-reset', 'abc')).toBe('/reinitialisation/abc');
    expect(linkPath('staff-invitation', 'abc')).toBe('/invitation/abc');
    expect(linkPath('platform-invitation', 'abc')).toBe('/invitation-plateforme/abc');
  });

  it('refuses with today’s error codes', () => {
    const code = (p: Parameters<typeof linkRefusal>[0], state: 'expired' | 'used' | 'revoked' | 'unknown') => linkRefusal(p, { state }).code;
    expect(linkRefusal('password-reset', { state: 'expired' })).toBeInstanceOf(AppError);
    expect([code('password-reset', 'expired'), code('password-reset', 'used'), code('password-reset', 'unknown')]).toEqual(['EXPIRED', 'VALIDATION', 'VALIDATION']);
    expect([code('staff-invitation', 'unknown'), code('staff-invitation', 'expired'), code('staff-invitation', 'used'), code('staff-invitation', 'revoked')]).toEqual([
      'NOT_FOUND',
      'EXPIRED',
      'CONFLICT',
      'CONFLICT',
    ]);
    expect([
      code('platform-invitation', 'expired'),
      code('platform-invitation', 'used'),
      code('platform-invitation', 'revoked'),
      code('platform-invitation', 'unknown'),
    ]).toEqual(['EXPIRED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });
});
