// Pupil sign-up (« Je suis élève »): with a class join code (the only way into a class), or choosing
// the collège without one (the pupil then waits « sans classe » until the team places them).
// Login-only pupils are ACTIVE at once (no mailbox to prove); with an email the account waits for
// the activation link. Only what the convention needs is stored (docs/REGLES.md, « Élèves »).
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { AppError, conflict, invalid, isUniqueViolation } from '../core/errors.ts';
import { ESTABLISHMENT_ADDRESS_MESSAGES, registrationAddressOwner } from '../accounts/registration-rules.ts';
import { sendActivationEmail } from '../accounts/activation.ts';
import { hashPassword } from '../core/password.ts';
import { RULES, take, takeClient, THROTTLED_MESSAGE, type ThrottleRule } from '../core/throttle.ts';
import { findCollegeByUai, pupilSignUpReadiness } from '../team/establishments.ts';
import { notifyExistingAccount } from '../team/notify.ts';
import { normalizeJoinCode } from './join-code.ts';
import { parseDay, type PupilSignUpData } from './pupil-schema.ts';
import { saveGuardians } from './pupils.ts';
import { activeSchoolYear } from '../reference/school-year.ts';
import { recordAudit } from '../audit/service.ts';

export const UNKNOWN_CODE = "Ce code de classe n'existe pas. Vérifiez-le auprès de votre professeur principal (6 caractères, par exemple K7MQ2P).";
const OLD_CODE = "Ce code concerne une classe d'une année scolaire passée : demandez le nouveau code à votre professeur principal.";

export type JoinTarget = {
  establishment: { id: string; name: string; city: string | null; registeredAt: Date | null };
  classRoom: { id: string; name: string; level: string; schoolYear: number } | null;
};

/** The class of a join code (current school year only), or a French refusal. */
export async function classOfCode(db: Tx, raw: string): Promise<JoinTarget> {
  const code = normalizeJoinCode(raw);
  const room = code ? await db.classRoom.findUnique({ where: { joinCode: code }, include: { establishment: true } }) : null;
  if (!room) throw invalid(UNKNOWN_CODE, { code: [UNKNOWN_CODE] });
  if (room.schoolYear < (await activeSchoolYear(db))) throw invalid(OLD_CODE, { code: [OLD_CODE] });
  return { establishment: room.establishment, classRoom: { id: room.id, name: room.name, level: room.level, schoolYear: room.schoolYear } };
}

/** With a code: its class. Without: the collège only — a class is never chosen from a list. */
async function targetOf(tx: Tx, data: PupilSignUpData): Promise<JoinTarget> {
  if (data.code) return classOfCode(tx, data.code);
  const establishment = await findCollegeByUai(tx, data.uai);
  if (!establishment) throw invalid('Choisissez votre collège dans la liste.', { uai: ['Choisissez votre collège dans la liste.'] });
  return { establishment, classRoom: null };
}

export type PupilSignUpResult = {
  login: string;
  needsActivation: boolean;
  establishmentName: string;
  className: string | null;
};

/**
 * Sign-ups per IP address: generous (a whole class signs up from its school's single address), but
 * a script can no longer create pupils without end nor keep the server hashing passwords.
 */
export const PUPIL_SIGNUP_IP_RULE: ThrottleRule = { limit: 150, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export async function signUpPupil(input: { data: PupilSignUpData; origin: string; ip?: string }): Promise<PupilSignUpResult> {
  const { data } = input;
  const email = data.accountKind === 'email' ? data.email.trim().toLowerCase() : null;
  const login = email ?? data.login.trim().toLowerCase();
  const mailKey = email ? `mail:pupil-signup:${email}` : null;
  // Counted before anything else, in one statement each (a burst cannot slip through); an unknown
  // client address shares the one bucket of unknown clients.
  const byClient = await takeClient('pupil-signup', input.ip ?? 'unknown', PUPIL_SIGNUP_IP_RULE);
  if (!byClient || (mailKey && !(await take(mailKey, RULES.mailTarget)))) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
  // An establishment's registration address (ce.<uai>@…, or its directory address) is never a pupil's.
  if (email && (await registrationAddressOwner(prisma, email))) {
    throw invalid(ESTABLISHMENT_ADDRESS_MESSAGES.pupil, { email: [ESTABLISHMENT_ADDRESS_MESSAGES.pupil] });
  }
  const passwordHash = await hashPassword(data.password);
  const birthDate = parseDay(data.birthDate)!;

  const result = await prisma
    .$transaction(async (tx) => {
      const target = await targetOf(tx, data);
      const readiness = await pupilSignUpReadiness(tx, target.establishment);
      if (!readiness.open) throw conflict(readiness.reason);
      const base = { login, needsActivation: !!email, establishmentName: target.establishment.name, className: target.classRoom?.name ?? null };

      const existing = await tx.user.findFirst({ where: { OR: [{ login }, ...(email ? [{ email }] : [])] }, select: { id: true } });
      if (existing && !email) {
        const message = 'Cet identifiant est déjà pris : choisissez-en un autre (ajoutez par exemple votre année de naissance).';
        throw conflict(message, { login: [message] });
      }
      if (existing && email) {
        // Same answer as a new account (no enumeration): the mailbox's owner is told instead.
        await notifyExistingAccount(tx, { to: email, origin: input.origin, who: 'pupil' });
        return base;
      }

      const user = await tx.user.create({
        data: { login, email, passwordHash, status: email ? 'PENDING_ACTIVATION' : 'ACTIVE' },
      });
      const schoolYear = target.classRoom?.schoolYear ?? (await activeSchoolYear(tx));
      const pupil = await tx.pupil.create({
        data: {
          userId: user.id,
          establishmentId: target.establishment.id,
          classRoomId: target.classRoom?.id ?? null,
          firstName: data.firstName,
          lastName: data.lastName,
          birthDate,
          level: target.classRoom?.level ?? (data.level || null),
          schoolYear,
        },
      });
      await saveGuardians(tx, pupil.id, data.guardians, true);
      await recordAudit(tx, {
        actorId: user.id,
        action: 'pupil.signup',
        establishmentId: target.establishment.id,
        targetType: 'Pupil',
        targetId: pupil.id,
        data: { classRoomId: target.classRoom?.id ?? null, account: email ? 'email' : 'login' },
        ip: input.ip,
      });
      if (email) await sendActivationEmail(tx, { userId: user.id, to: email, origin: input.origin, platformName: env.appName });
      return base;
    })
    .catch((err) => {
      if (isUniqueViolation(err)) {
        const message = 'Cet identifiant est déjà pris : choisissez-en un autre.';
        throw conflict(message, data.accountKind === 'login' ? { login: [message] } : { email: [message] });
      }
      throw err;
    });
  return result;
}
