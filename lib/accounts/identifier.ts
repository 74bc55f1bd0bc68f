// « Vous ne connaissez pas votre identifiant ? »: a hint (first letters of the manager's address),
// then a « demande de création de compte » emailed to the establishment's current managers.
import { createElement } from 'react';
import { prisma } from '../core/db.ts';
import { AppError, conflict } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import AccessRequestEmail from '../../emails/access-request.tsx';
import { establishmentLabel, platformName } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import { isRegistered } from './registration-rules.ts';
import type { z } from 'zod';
import type { accessRequestSchema } from './schema.ts';
import { RULES, THROTTLED_MESSAGE, take, throttleMail } from '../core/throttle.ts';
import * as clock from '../core/clock.ts';
import { maskAddress } from '../core/text.ts';

/** The masking of an address (first letters only) lives in lib/core/text.ts: the registration page uses it too. */
export { maskAddress };

export type IdentifierHint =
  | { status: 'UNKNOWN' }
  | { status: 'NOT_REGISTERED'; establishment: { uai: string; label: string } }
  | { status: 'REGISTERED'; establishment: { uai: string; label: string }; hints: string[] };

/** The establishment of a UAI and the masked logins of its managers. */
export async function identifierHint(uai: string): Promise<IdentifierHint> {
  const e = await prisma.establishment.findUnique({ where: { uai } });
  if (!e) return { status: 'UNKNOWN' };
  const establishment = { uai: e.uai, label: establishmentLabel(e) };
  if (!(await isRegistered(prisma, e))) return { status: 'NOT_REGISTERED', establishment };
  const managers = await prisma.membership.findMany({
    where: { establishmentId: e.id, role: 'PRINCIPAL', status: 'ACTIVE', user: { status: 'ACTIVE' } },
    select: { user: { select: { login: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return { status: 'REGISTERED', establishment, hints: [...new Set(managers.map((m) => maskAddress(m.user.login)))] };
}

const ACCESS_REQUEST_ANSWER =
  "Votre demande de création de compte a été transmise aux responsables de l'établissement. Vous recevrez leur réponse par email. Sans réponse sous 24 heures, l'équipe technique peut prendre le relais pour les adresses ce.<UAI>@<académie>.";

/** Records the request and emails every active chef d'établissement (or adjoint); the operators when there is none. */
export async function submitAccessRequest(
  data: z.output<typeof accessRequestSchema>,
  ctx: { origin: string; ip: string },
): Promise<{ message: string; requestId: string }> {
  if (await throttleMail('access-request', data.email, ctx.ip)) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
  // Past 5 requests in 15 minutes for one establishment, new ones are recorded (listed on the
  // managers' page) but not emailed: many addresses cannot flood the managers' mailbox.
  const notify = await take(`mail:access-request:establishment:${data.uai}`, RULES.mailTarget);
  return prisma.$transaction(async (tx) => {
    const e = await tx.establishment.findUnique({ where: { uai: data.uai } });
    if (!e) throw new AppError('NOT_FOUND', "Aucun établissement ne porte ce code UAI dans l'annuaire. Vérifiez le code.", { uai: ['Code UAI inconnu.'] });
    if (!(await isRegistered(tx, e))) {
      throw conflict("Cet établissement n'est pas encore inscrit : son chef d'établissement doit d'abord l'inscrire depuis la page d'accueil.");
    }
    const existing = await tx.accessRequest.findFirst({ where: { establishmentId: e.id, email: data.email, status: 'PENDING' } });
    if (existing) return { message: ACCESS_REQUEST_ANSWER, requestId: existing.id };
    const request = await tx.accessRequest.create({
      data: { establishmentId: e.id, lastName: data.lastName, firstName: data.firstName, function: data.function, email: data.email, createdAt: clock.now() },
    });
    const managers = await tx.user.findMany({
      where: {
        status: 'ACTIVE',
        email: { not: null },
        memberships: { some: { establishmentId: e.id, status: 'ACTIVE', role: { in: ['PRINCIPAL', 'DEPUTY'] } } },
      },
      select: { email: true },
    });
    const toOperator = managers.length === 0;
    const recipients = !notify
      ? []
      : toOperator
        ? await tx.user.findMany({ where: { isOperator: true, status: 'ACTIVE', email: { not: null } }, select: { email: true } })
        : managers;
    const requester = { firstName: data.firstName, lastName: data.lastName, function: data.function, email: data.email };
    for (const r of recipients) {
      await enqueueEmail(tx, {
        template: 'access-request',
        to: r.email!,
        subject: `Demande de création de compte pour ${e.name}`,
        element: createElement(AccessRequestEmail, {
          platformName: platformName(),
          establishmentName: establishmentLabel(e),
          requester,
          toOperator,
          url: `${ctx.origin}${toOperator ? '/operateur/demandes' : '/etablissement/demandes'}`,
        }),
      });
    }
    if (toOperator) await tx.accessRequest.update({ where: { id: request.id }, data: { escalatedAt: clock.now() } });
    await recordAudit(tx, {
      action: 'access-request.create',
      establishmentId: e.id,
      targetType: 'AccessRequest',
      targetId: request.id,
      data: { email: data.email, notified: recipients.length, toOperator },
    });
    return { message: ACCESS_REQUEST_ANSWER, requestId: request.id };
  });
}
