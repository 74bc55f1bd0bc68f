// Staff sign-up (« Je suis membre de l'équipe pédagogique »): an account waiting for its
// activation link, and a PENDING membership that the chef d'établissement approves.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { AppError, conflict, invalid, isUniqueViolation } from '../core/errors.ts';
import { sendActivationEmail } from '../accounts/activation.ts';
import { hashPassword } from '../core/password.ts';
import { ESTABLISHMENT_ADDRESS_MESSAGES, registrationAddressOwner } from '../accounts/registration-rules.ts';
import { RULES, THROTTLED_MESSAGE, take, throttleMail } from '../core/throttle.ts';
import { recordAudit } from '../audit/service.ts';
import { TEAM_CLOSED_MESSAGE, findCollegeByUai, teamSignUpOpen } from './establishments.ts';
import { notifyExistingAccount, notifyHeadsOfPending } from './notify.ts';
import { roleLabel, type StaffSignUpData } from './schema.ts';

export type StaffSignUpResult = { email: string; establishmentName: string };

const NO_COLLEGE = 'Choisissez votre collège dans la liste (recherchez-le par son code UAI, son nom ou sa commune).';

export async function signUpStaff(input: { data: StaffSignUpData; origin: string; ip: string }): Promise<StaffSignUpResult> {
  const { data } = input;
  const email = data.email;
  const establishment = await findCollegeByUai(prisma, data.uai);
  if (!establishment) throw invalid(NO_COLLEGE, { uai: [NO_COLLEGE] });
  if (!(await teamSignUpOpen(prisma, establishment))) throw conflict(TEAM_CLOSED_MESSAGE, { uai: [TEAM_CLOSED_MESSAGE] });
  // An establishment's registration address (ce.<uai>@…) is never a person's login.
  if (await registrationAddressOwner(prisma, email)) throw invalid(ESTABLISHMENT_ADDRESS_MESSAGES.staff, { email: [ESTABLISHMENT_ADDRESS_MESSAGES.staff] });
  if (await throttleMail('staff-signup', email, input.ip)) throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE);
  // Past 5 sign-ups in 15 minutes for one collège, new ones are recorded (listed on the team page)
  // but the heads are not emailed: many addresses cannot flood their mailbox.
  const notify = await take(`mail:staff-signup:establishment:${establishment.id}`, RULES.mailTarget);
  const passwordHash = await hashPassword(data.password);
  const result = { email, establishmentName: establishment.name };
  try {
    await prisma.$transaction(async (tx) => {
      const existing = await tx.user.findFirst({ where: { OR: [{ email }, { login: email }] }, select: { id: true } });
      if (existing) {
        await notifyExistingAccount(tx, { to: email, origin: input.origin, who: 'staff' });
        return;
      }
      const user = await tx.user.create({
        data: { login: email, email, firstName: data.firstName, lastName: data.lastName, passwordHash, status: 'PENDING_ACTIVATION' },
      });
      const membership = await tx.membership.create({
        data: { userId: user.id, establishmentId: establishment.id, role: data.role, function: roleLabel(data.role), status: 'PENDING' },
      });
      await sendActivationEmail(tx, { userId: user.id, to: email, origin: input.origin, platformName: env.appName });
      const notified = notify
        ? await notifyHeadsOfPending(tx, {
            establishmentId: establishment.id,
            establishmentName: establishment.name,
            personName: `${data.firstName} ${data.lastName}`,
            personEmail: email,
            roleLabel: roleLabel(data.role),
            origin: input.origin,
          })
        : 0;
      await recordAudit(tx, {
        actorId: user.id,
        action: 'membership.request',
        establishmentId: establishment.id,
        targetType: 'Membership',
        targetId: membership.id,
        data: { role: data.role, notified, ...(notify ? {} : { unnotified: 'cap of notifications per establishment reached' }) },
      });
    });
  } catch (err) {
    // Two sign-ups with the same address at once: the second one gets the same answer.
    if (!isUniqueViolation(err)) throw err;
  }
  return result;
}
