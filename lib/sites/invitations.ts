// Inviting lycée staff to a platform (administrateur or enseignant). The emailed link opens on the
// platform's own host: /invitation-plateforme/<raw token>; only the token's SHA-256 is stored.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, forbidden, AppError } from '../core/errors.ts';
import { hashPassword } from '../core/password.ts';
import { hashToken, newRawToken } from '../accounts/tokens.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import SiteInvitationEmail from '../../emails/site-invitation.tsx';
import { formatDay } from '../stages/time.ts';
import { siteOrigin } from './urls.ts';
import * as clock from '../core/clock.ts';

export type SiteRoleName = 'ADMIN' | 'TEACHER';
const ROLE_WORD: Record<SiteRoleName, string> = { ADMIN: 'administrateur', TEACHER: 'enseignant' };

/** Creates the invitation (older pending ones to the same address stop working) and emails the link. */
export async function inviteSiteStaff(input: { siteId: string; email: string; role: SiteRoleName; invitedById: string; requestOrigin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  const email = input.email.trim().toLowerCase();
  const site = await prisma.site.findUnique({ where: { id: input.siteId }, select: { id: true, name: true, slug: true, domains: { select: { host: true }, orderBy: { host: 'asc' } } } });
  if (!site) throw new AppError('NOT_FOUND', 'Plateforme introuvable.');
  const member = await prisma.siteMembership.findFirst({ where: { siteId: site.id, user: { email } }, select: { role: true } });
  if (member) throw conflict(`${email} fait déjà partie de l’équipe de cette plateforme.`, { email: ['Déjà membre de l’équipe.'] });
  const inviter = await prisma.user.findUnique({ where: { id: input.invitedById }, select: { firstName: true, lastName: true } });
  const raw = newRawToken();
  const expiresAt = new Date(now.getTime() + env.invitationTtlDays * 86_400_000);
  const url = `${siteOrigin(site, input.requestOrigin)}/invitation-plateforme/${raw}`;
  return prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { siteId: site.id, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const inv = await tx.invitation.create({
      data: { email, siteId: site.id, siteRole: input.role, tokenHash: hashToken(raw), expiresAt, invitedById: input.invitedById },
      select: { id: true },
    });
    const inviterName = [inviter?.firstName, inviter?.lastName].filter(Boolean).join(' ') || null;
    await enqueueEmail(tx, {
      template: 'site-invitation',
      to: email,
      subject: `Invitation sur la plateforme ${site.name}`,
      element: createElement(SiteInvitationEmail, {
        platformName: site.name, roleLabel: ROLE_WORD[input.role], inviterName, url, expiresLabel: formatDay(expiresAt.toISOString().slice(0, 10)),
      }),
    });
    return { id: inv.id, email };
  });
}

export type InvitationState =
  | { state: 'valid'; id: string; email: string; role: SiteRoleName; accountExists: boolean }
  | { state: 'unknown' | 'expired' | 'used' | 'revoked' };

/** What the link is worth on this platform (a link of another platform is unknown here). */
export async function readInvitation(raw: string, siteId: string, now = clock.now()): Promise<InvitationState> {
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(raw) } });
  if (!inv || inv.siteId !== siteId || !inv.siteRole) return { state: 'unknown' };
  if (inv.acceptedAt) return { state: 'used' };
  if (inv.revokedAt) return { state: 'revoked' };
  if (inv.expiresAt <= now) return { state: 'expired' };
  const user = await prisma.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return { state: 'valid', id: inv.id, email: inv.email, role: inv.siteRole, accountExists: !!user };
}

export const INVITATION_MESSAGES = {
  unknown: 'Ce lien d’invitation n’est pas valable sur cette plateforme. Vérifiez que vous avez copié le lien en entier.',
  expired: 'Ce lien d’invitation a expiré. Demandez à l’administrateur de la plateforme de vous inviter à nouveau.',
  used: 'Cette invitation a déjà été acceptée. Connectez-vous avec votre compte.',
  revoked: 'Cette invitation a été remplacée par une plus récente : utilisez le dernier lien reçu.',
} as const;

async function claim(raw: string, siteId: string, now: Date) {
  const s = await readInvitation(raw, siteId, now);
  if (s.state !== 'valid') throw new AppError(s.state === 'expired' ? 'EXPIRED' : 'NOT_FOUND', INVITATION_MESSAGES[s.state]);
  return s;
}

/** A signed-in person accepts: the invitation must be addressed to their own email. */
export async function acceptSiteInvitation(input: { raw: string; siteId: string; user: { id: string; email: string | null }; now?: Date }) {
  const now = input.now ?? clock.now();
  const inv = await claim(input.raw, input.siteId, now);
  if (inv.email !== input.user.email?.toLowerCase()) {
    throw forbidden(`Cette invitation a été envoyée à ${inv.email}. Déconnectez-vous, puis connectez-vous avec ce compte pour l’accepter.`);
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count !== 1) throw conflict(INVITATION_MESSAGES.used);
    await tx.siteMembership.upsert({
      where: { siteId_userId: { siteId: input.siteId, userId: input.user.id } },
      create: { siteId: input.siteId, userId: input.user.id, role: inv.role },
      update: { role: inv.role },
    });
    return { role: inv.role };
  });
}

/** A new person creates their account from the link: active at once (the link proves the address). */
export async function createAccountFromInvitation(input: {
  raw: string; siteId: string; civility: string; firstName: string; lastName: string; password: string; now?: Date;
}) {
  const now = input.now ?? clock.now();
  const inv = await claim(input.raw, input.siteId, now);
  if (inv.accountExists) throw conflict(`Un compte existe déjà pour ${inv.email} : connectez-vous pour accepter l’invitation.`);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count !== 1) throw conflict(INVITATION_MESSAGES.used);
    const user = await tx.user.create({
      data: {
        login: inv.email, email: inv.email, emailVerified: now, status: 'ACTIVE', passwordHash,
        civility: input.civility || null, firstName: input.firstName, lastName: input.lastName, name: `${input.firstName} ${input.lastName}`,
      },
      select: { id: true, email: true },
    });
    await tx.siteMembership.create({ data: { siteId: input.siteId, userId: user.id, role: inv.role } });
    return { userId: user.id, email: inv.email, role: inv.role };
  });
}
