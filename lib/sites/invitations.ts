// Inviting lycée staff to a platform (administrateur or enseignant). The emailed link opens on the
// platform's own host: /invitation-plateforme/<raw token>; only the token's SHA-256 is stored.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { conflict, forbidden, AppError } from '../core/errors.ts';
import { hashPassword } from '../core/password.ts';
import { displayName, formatDay, parisDay } from '../core/format.ts';
import { checkLink, consumeLink, issueLink, linkPath, linkRefusal, type LinkView } from '../core/links.ts';
import { siteOrigin } from '../core/origin.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import SiteInvitationEmail from '../../emails/site-invitation.tsx';
import * as clock from '../core/clock.ts';
import { recordAudit } from '../audit/service.ts';
import { ESTABLISHMENT_ADDRESS_MESSAGES, registrationAddressOwner } from '../accounts/registration-rules.ts';

export type SiteRoleName = 'ADMIN' | 'TEACHER';
const ROLE_WORD: Record<SiteRoleName, string> = { ADMIN: 'administrateur', TEACHER: 'enseignant' };

/** Creates the invitation (older pending ones to the same address stop working) and emails the link. */
export async function inviteSiteStaff(input: { siteId: string; email: string; role: SiteRoleName; invitedById: string; requestOrigin: string; now?: Date }) {
  const now = input.now ?? clock.now();
  const email = input.email.trim().toLowerCase();
  const site = await prisma.site.findUnique({
    where: { id: input.siteId },
    select: { id: true, name: true, slug: true, establishmentId: true, domains: { select: { host: true }, orderBy: { host: 'asc' } } },
  });
  if (!site) throw new AppError('NOT_FOUND', 'Plateforme introuvable.');
  // Another establishment's registration address is nobody's personal login (the lycée's own may join its platform).
  const owner = await registrationAddressOwner(prisma, email);
  if (owner && owner.establishment?.id !== site.establishmentId) {
    throw new AppError('VALIDATION', ESTABLISHMENT_ADDRESS_MESSAGES.staff, { email: [ESTABLISHMENT_ADDRESS_MESSAGES.staff] });
  }
  const member = await prisma.siteMembership.findFirst({ where: { siteId: site.id, user: { email } }, select: { role: true } });
  if (member) throw conflict(`${email} fait déjà partie de l’équipe de cette plateforme.`, { email: ['Déjà membre de l’équipe.'] });
  const inviter = await prisma.user.findUnique({ where: { id: input.invitedById }, select: { firstName: true, lastName: true } });
  return prisma.$transaction(async (tx) => {
    const { raw, id, expiresAt } = await issueLink(tx, {
      purpose: 'platform-invitation',
      email,
      siteId: site.id,
      siteRole: input.role,
      invitedById: input.invitedById,
      ttlMinutes: env.invitationTtlDays * 24 * 60,
      now,
    });
    await enqueueEmail(tx, {
      template: 'site-invitation',
      to: email,
      subject: `Invitation sur la plateforme ${site.name}`,
      element: createElement(SiteInvitationEmail, {
        platformName: site.name,
        roleLabel: ROLE_WORD[input.role],
        inviterName: displayName(inviter, { fallback: '' }) || null,
        url: `${siteOrigin(site, input.requestOrigin, env.rootDomain)}${linkPath('platform-invitation', raw)}`,
        expiresLabel: formatDay(parisDay(expiresAt)),
      }),
    });
    await recordAudit(tx, {
      actorId: input.invitedById,
      action: 'site-invitation.create',
      siteId: site.id,
      targetType: 'Invitation',
      targetId: id,
      data: { email, role: input.role },
    });
    return { id, email };
  });
}

/** The invitation page: the link's state on this platform and, when valid, whether the invited address already has an account. */
export type SiteInvitationView = LinkView<'platform-invitation', { accountExists: boolean }>;

/** What the link is worth on this platform (a link of another platform is unknown here). Reads only. */
export async function readInvitation(raw: string, siteId: string, now = clock.now()): Promise<SiteInvitationView> {
  const check = await checkLink(prisma, { purpose: 'platform-invitation', raw, siteId, now });
  if (check.state !== 'valid') return check;
  const user = await prisma.user.findUnique({ where: { email: check.link.email }, select: { id: true } });
  return { ...check, accountExists: !!user };
}

/** The invitation, when its link can be used on this platform; else the refusal. Reads only: the transaction consumes it. */
async function usable(raw: string, siteId: string, now: Date) {
  const view = await readInvitation(raw, siteId, now);
  if (view.state !== 'valid') throw linkRefusal('platform-invitation', view);
  return { ...view.link, accountExists: view.accountExists };
}

/** The trail entry of an accepted invitation (by an existing account, or a new one). */
function auditAcceptance(tx: Tx, actorId: string, siteId: string, inv: { id: string; siteRole: string }, extra: Record<string, unknown> = {}) {
  return recordAudit(tx, { actorId, action: 'site-invitation.accept', siteId, targetType: 'Invitation', targetId: inv.id, data: { role: inv.siteRole, ...extra } });
}

/** A signed-in person accepts: the invitation must be addressed to their own email. */
export async function acceptSiteInvitation(input: { raw: string; siteId: string; user: { id: string; email: string | null }; now?: Date }) {
  const now = input.now ?? clock.now();
  const inv = await usable(input.raw, input.siteId, now);
  if (inv.email !== input.user.email?.toLowerCase()) {
    throw forbidden(`Cette invitation a été envoyée à ${inv.email}. Déconnectez-vous, puis connectez-vous avec ce compte pour l’accepter.`);
  }
  return prisma.$transaction(async (tx) => {
    const used = await consumeLink(tx, { purpose: 'platform-invitation', raw: input.raw, siteId: input.siteId, now });
    if (used.state !== 'valid') throw linkRefusal('platform-invitation', used);
    await tx.siteMembership.upsert({
      where: { siteId_userId: { siteId: input.siteId, userId: input.user.id } },
      create: { siteId: input.siteId, userId: input.user.id, role: inv.siteRole },
      update: { role: inv.siteRole },
    });
    await auditAcceptance(tx, input.user.id, input.siteId, inv);
    return { role: inv.siteRole };
  });
}

/** A new person creates their account from the link: active at once (the link proves the address). */
export async function createAccountFromInvitation(input: {
  raw: string;
  siteId: string;
  civility: string;
  firstName: string;
  lastName: string;
  password: string;
  now?: Date;
}) {
  const now = input.now ?? clock.now();
  const inv = await usable(input.raw, input.siteId, now);
  if (inv.accountExists) throw conflict(`Un compte existe déjà pour ${inv.email} : connectez-vous pour accepter l’invitation.`);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const used = await consumeLink(tx, { purpose: 'platform-invitation', raw: input.raw, siteId: input.siteId, now });
    if (used.state !== 'valid') throw linkRefusal('platform-invitation', used);
    const user = await tx.user.create({
      data: {
        login: inv.email,
        email: inv.email,
        emailVerified: now,
        status: 'ACTIVE',
        passwordHash,
        civility: input.civility || null,
        firstName: input.firstName,
        lastName: input.lastName,
        name: `${input.firstName} ${input.lastName}`,
      },
      select: { id: true, email: true },
    });
    await tx.siteMembership.create({ data: { siteId: input.siteId, userId: user.id, role: inv.siteRole } });
    await auditAcceptance(tx, user.id, input.siteId, inv, { newAccount: true });
    return { userId: user.id, email: inv.email, role: inv.siteRole };
  });
}
