// « Inscrivez votre établissement scolaire »: find it by UAI, then create the manager account.
import { prisma, type Tx } from '../core/db.ts';
import { AppError, conflict, invalid, isUniqueViolation } from '../core/errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import OperatorNoticeEmail from '../../emails/operator-notice.tsx';
import { createElement } from 'react';
import { academyByCode, academyOfUai } from '../reference/academies.ts';
import { sendActivationEmail } from './activation.ts';
import { establishmentLabel, platformName } from './common.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword } from '../core/password.ts';
import {
  ESTABLISHMENT_ADDRESS_MESSAGES,
  addressHolder,
  isRegistered,
  registrationAddressOwner,
  registrationTarget,
  REGISTRABLE_KINDS,
  type RegistrationTarget,
} from './registration-rules.ts';
import { maskAddress } from '../core/text.ts';
import { displayName } from '../core/format.ts';
import { revokeAccountLinks } from '../core/links.ts';
import * as clock from '../core/clock.ts';
import type { RegistrationData } from './schema.ts';
import { THROTTLED_MESSAGE, throttleMail } from '../core/throttle.ts';

export type EstablishmentCard = {
  id: string;
  uai: string;
  name: string;
  kind: string;
  natureLabel: string | null;
  isPublic: boolean;
  address: string[];
  postalCode: string | null;
  city: string | null;
  academyName: string | null;
};

export type RegistrationLookup =
  | { status: 'UNKNOWN'; uai: string }
  | { status: 'CLOSED' | 'NOT_ELIGIBLE' | 'REGISTERED' | 'PENDING_REVIEW'; establishment: EstablishmentCard }
  /**
   * `login` is shown on the public page: the establishment's own address in full (it is public),
   * only its first letters when it is the applicant's personal address (a registration the operator
   * reviewed); `resendTo` pre-fills the resend form only in the first case.
   */
  | { status: 'PENDING_ACTIVATION'; establishment: EstablishmentCard; login: string; resendTo: string | null }
  | { status: 'LOGIN_TAKEN'; establishment: EstablishmentCard; login: string }
  /** An account that proved the mailbox uses the address: « Mot de passe oublié ? » makes it the manager. */
  | { status: 'RECLAIM_BY_RESET'; establishment: EstablishmentCard; login: string }
  /** `squatterId`: an account that took the address without proving it; the registration takes it over. */
  | { status: 'OPEN'; establishment: EstablishmentCard; target: RegistrationTarget; squatterId?: string };

const MESSAGES: Record<Exclude<RegistrationLookup['status'], 'OPEN'>, string> = {
  UNKNOWN: "Aucun établissement ne porte ce code UAI dans l'annuaire. Vérifiez le code (il figure sur les courriers officiels de l'établissement).",
  CLOSED: "Cet établissement est fermé dans l'annuaire de l'éducation : il ne peut pas être inscrit.",
  NOT_ELIGIBLE: 'Seuls les collèges et les lycées peuvent inscrire leur établissement. Pour un autre établissement, contactez l’équipe technique.',
  REGISTERED:
    'Cet établissement est déjà inscrit (cas numéro 2) : connectez-vous avec son identifiant, ou utilisez « Mot de passe oublié ? » ou « Vous ne connaissez pas votre identifiant ? ».',
  PENDING_REVIEW: "L'inscription de cet établissement est déjà en cours d'examen par l'équipe technique.",
  PENDING_ACTIVATION:
    "L'inscription de cet établissement a déjà été demandée et attend son activation : demandez un nouvel email d'activation plutôt que de recommencer.",
  LOGIN_TAKEN: "L'adresse de cet établissement sert déjà d'identifiant à un autre compte. Contactez l'équipe technique pour inscrire l'établissement.",
  RECLAIM_BY_RESET:
    "L'adresse de cet établissement est déjà l'identifiant d'un compte activé depuis sa messagerie. Si vous lisez cette messagerie, utilisez « Mot de passe oublié ? » avec cette adresse : le lien reçu vous fera choisir un mot de passe et fera de ce compte celui du responsable de l'établissement.",
};

export function lookupMessage(status: Exclude<RegistrationLookup['status'], 'OPEN'>): string {
  return MESSAGES[status];
}

type EstablishmentRow = NonNullable<Awaited<ReturnType<typeof findEstablishment>>>;

function findEstablishment(db: Tx, uai: string) {
  return db.establishment.findUnique({ where: { uai }, include: { academy: { select: { name: true } } } });
}

function toCard(e: EstablishmentRow): EstablishmentCard {
  return {
    id: e.id,
    uai: e.uai,
    name: e.name,
    kind: e.kind,
    natureLabel: e.natureLabel,
    isPublic: e.isPublic,
    address: [e.address1, e.address2, e.address3].filter((l): l is string => !!l),
    postalCode: e.postalCode,
    city: e.city,
    academyName: e.academy?.name ?? (e.academyCode ? academyByCode(e.academyCode)?.name : academyOfUai(e.uai)?.name) ?? null,
  };
}

/** Where the registration of this UAI stands (the UAI is already valid: uaiSchema). */
export async function lookupRegistration(uai: string, db: Tx = prisma): Promise<RegistrationLookup> {
  const e = await findEstablishment(db, uai);
  if (!e) return { status: 'UNKNOWN', uai };
  const establishment = toCard(e);
  if (!e.open) return { status: 'CLOSED', establishment };
  if (!(REGISTRABLE_KINDS as readonly string[]).includes(e.kind)) return { status: 'NOT_ELIGIBLE', establishment };
  if (await isRegistered(db, e)) return { status: 'REGISTERED', establishment };
  if (await db.registrationReview.count({ where: { establishmentId: e.id, status: 'PENDING' } })) {
    return { status: 'PENDING_REVIEW', establishment };
  }
  const pending = await db.membership.findFirst({
    where: { establishmentId: e.id, role: 'PRINCIPAL', status: 'PENDING', user: { status: 'PENDING_ACTIVATION' } },
    include: { user: { select: { login: true } } },
  });
  const target = registrationTarget(e);
  if (pending) {
    // The applicant's own address (approved by the operator) is nobody else's business.
    const own = target.kind === 'address' && target.login === pending.user.login;
    return { status: 'PENDING_ACTIVATION', establishment, login: own ? pending.user.login : maskAddress(pending.user.login), resendTo: own ? pending.user.login : null };
  }
  if (target.kind === 'address') {
    const holder = await addressHolder(db, target.login);
    if (holder.kind === 'TAKEN') return { status: 'LOGIN_TAKEN', establishment, login: target.login };
    if (holder.kind === 'MAILBOX_OWNER') return { status: 'RECLAIM_BY_RESET', establishment, login: target.login };
    if (holder.kind === 'SQUATTER') return { status: 'OPEN', establishment, target, squatterId: holder.userId };
  }
  return { status: 'OPEN', establishment, target };
}

/**
 * The registration takes back the establishment's address from an account that took it without
 * ever proving the mailbox (before the rule existed): the account is disabled, renamed (its login
 * becomes `reclaimed:<id>`, which no form accepts), its other sessions signed out, its memberships
 * and pending reviews ended, its links voided. Its pupil record, if any, stays for the collège's
 * team to remove (« Cet élève ne fait pas partie de mon établissement »). Audited.
 */
async function retireSquatter(tx: Tx, input: { userId: string; establishmentId: string; now: Date }) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, include: { pupil: { select: { id: true } } } });
  const revoked = await tx.membership.updateMany({ where: { userId: user.id, status: { in: ['ACTIVE', 'PENDING'] } }, data: { status: 'REVOKED' } });
  const reviews = await tx.registrationReview.updateMany({
    where: { applicantId: user.id, status: 'PENDING' },
    data: { status: 'REFUSED', reviewedAt: input.now, reason: "Adresse reprise par l'établissement dont elle est l'adresse d'inscription." },
  });
  await revokeAccountLinks(tx, { userId: user.id, purposes: ['activation', 'password-reset'], now: input.now });
  await tx.user.update({
    where: { id: user.id },
    data: { login: `reclaimed:${user.id}`, email: null, status: 'DISABLED', sessionVersion: { increment: 1 } },
  });
  await recordAudit(tx, {
    action: 'account.reclaim',
    establishmentId: input.establishmentId,
    targetType: 'User',
    targetId: user.id,
    data: {
      login: user.login,
      by: 'registration',
      previousStatus: user.status,
      revokedMemberships: revoked.count,
      refusedReviews: reviews.count,
      pupilId: user.pupil?.id ?? null,
    },
  });
}

export type RegistrationOutcome = { kind: 'activation'; login: string } | { kind: 'review'; email: string };

/** Creates the manager account (and its activation email, or the operator's review) in one transaction. */
export async function registerEstablishment(data: RegistrationData, ctx: { origin: string; ip: string }): Promise<RegistrationOutcome> {
  if (await throttleMail('register', data.uai, ctx.ip)) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
  const passwordHash = await hashPassword(data.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const lookup = await lookupRegistration(data.uai, tx);
      if (lookup.status !== 'OPEN') throw conflict(lookupMessage(lookup.status));
      const { establishment, target } = lookup;
      const email = target.kind === 'address' ? target.login : data.email;
      if (!email) {
        throw invalid('Saisissez votre adresse email.', {
          email: ["L'annuaire ne donne aucune adresse pour cet établissement : saisissez l'adresse à laquelle vous joindre."],
        });
      }
      if (target.kind === 'review') {
        const owner = await registrationAddressOwner(tx, email);
        if (owner && owner.uai !== establishment.uai) throw invalid(ESTABLISHMENT_ADDRESS_MESSAGES.review, { email: [ESTABLISHMENT_ADDRESS_MESSAGES.review] });
      }
      if (lookup.squatterId) await retireSquatter(tx, { userId: lookup.squatterId, establishmentId: establishment.id, now: clock.now() });
      if (target.kind === 'review' && (await tx.user.count({ where: { OR: [{ login: email }, { email }] } }))) {
        throw invalid('Cette adresse email est déjà utilisée.', {
          email: ['Cette adresse est déjà celle d’un compte : saisissez une autre adresse, ou connectez-vous avec ce compte.'],
        });
      }
      const user = await tx.user.create({
        data: {
          login: email,
          email,
          civility: data.civility,
          firstName: data.firstName,
          lastName: data.lastName,
          passwordHash,
          name: `${data.firstName} ${data.lastName}`,
          status: target.kind === 'address' ? 'PENDING_ACTIVATION' : 'PENDING_REVIEW',
        },
      });
      await tx.membership.create({
        data: { userId: user.id, establishmentId: establishment.id, role: 'PRINCIPAL', function: data.function, status: 'PENDING' },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: 'establishment.register',
        establishmentId: establishment.id,
        targetType: 'User',
        targetId: user.id,
        data: { login: email, review: target.kind === 'review', function: data.function },
      });
      if (target.kind === 'address') {
        await sendActivationEmail(tx, { userId: user.id, to: email, origin: ctx.origin, platformName: platformName() });
        return { kind: 'activation', login: email } as const;
      }
      const review = await tx.registrationReview.create({ data: { establishmentId: establishment.id, applicantId: user.id } });
      await notifyOperators(tx, {
        origin: ctx.origin,
        title: 'Une inscription d’établissement attend votre validation',
        lines: [
          `${establishmentLabel(establishment)} (${establishment.uai}) n’a aucune adresse dans l’annuaire de l’éducation.`,
          `${displayName(user, { civility: true })} (${data.function}, ${email}) demande à l’inscrire.`,
        ],
        path: `/operateur/inscriptions#${review.id}`,
        actionLabel: 'Examiner l’inscription',
      });
      return { kind: 'review', email } as const;
    });
  } catch (err) {
    // Two registrations at the same instant, or an address already in use.
    if (isUniqueViolation(err)) throw conflict(lookupMessage('PENDING_ACTIVATION'));
    throw err;
  }
}

/** Emails every active operator account (the « équipe technique »). */
async function notifyOperators(tx: Tx, notice: { origin: string; title: string; lines: string[]; path: string; actionLabel: string }): Promise<number> {
  const operators = await tx.user.findMany({ where: { isOperator: true, status: 'ACTIVE', email: { not: null } }, select: { email: true } });
  for (const op of operators) {
    await enqueueEmail(tx, {
      template: 'operator-notice',
      to: op.email!,
      subject: notice.title,
      element: createElement(OperatorNoticeEmail, {
        platformName: platformName(),
        title: notice.title,
        lines: notice.lines,
        url: `${notice.origin}${notice.path}`,
        actionLabel: notice.actionLabel,
      }),
    });
  }
  return operators.length;
}
