'use server';
// Enrolment actions: parse (zod) → who (session) → where (host) → may (permission table) → do (service).
// The platform comes from the host, the collège and the pupils' reach from the session.
import { revalidatePath } from 'next/cache';
import { runAction } from '../core/action.ts';
import { AppError, forbidden } from '../core/errors.ts';
import { RULES, take } from '../core/throttle.ts';
import { assertCan, can } from '../core/permissions.ts';
import { requestOrigin } from '../core/session.ts';
import type { Actor } from '../core/actor.ts';
import { siteOf } from '../sites/guard.ts';
import { pupilReachOf } from '../classes/access.ts';
import { attendanceSchema, cancelEnrolmentSchema, enrolSchema, enrolmentOptionsSchema } from './schema.ts';
import { cancelEnrolment, enrolPupils, recordAttendance } from './service.ts';
import { saveEnrolmentOptions } from './options.ts';
import { wakeConvocations } from './convocations.ts';

const refresh = () => revalidatePath('/', 'layout');

const ENROL_WHO =
  'Seuls la direction, le secrétariat, la vie scolaire et les professeurs principaux (pour leurs classes) inscrivent des élèves aux stages. Connectez-vous avec votre compte de collège.';

/** Enrolments and cancellations write emails: a member's requests are counted (lib/core/throttle.ts). */
async function countAct(actorId: string) {
  if (!(await take(`enrolments:member:${actorId}`, RULES.enrolmentActs)))
    throw new AppError('RATE_LIMITED', 'Beaucoup d’inscriptions et d’annulations en peu de temps : patientez une heure avant de continuer, ou contactez le lycée.');
}

const TYPED_WHO = 'La saisie d’un élève hors liste est réservée à la direction, au secrétariat et à la vie scolaire (collège qui n’utilise pas encore les classes).';

/** The enrolling member: a collège account reaching pupils to manage them. */
function enrollingMember(actor: Actor, permission: 'enrolments:create' | 'enrolments:cancel') {
  assertCan(actor, permission);
  const reach = pupilReachOf(actor, 'manage');
  if (!reach) throw forbidden(ENROL_WHO);
  return { actorId: reach.actorId, reach, addressProven: !!actor.user?.emailVerified };
}

export async function enrolAction(input: unknown) {
  return runAction(enrolSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    const member = enrollingMember(actor, 'enrolments:create');
    if (data.newPupil) {
      // A pupil created by the enrolment: the whole collège's office only, a few a day.
      if (!member.reach.wholeCollege) throw forbidden(TYPED_WHO);
      if (!(await take(`enrolments:typed:${member.reach.establishmentId}`, RULES.typedPupils)))
        throw new AppError(
          'RATE_LIMITED',
          'Beaucoup d’élèves saisis aujourd’hui pour ce collège : créez les classes et faites inscrire les élèves, ou réessayez demain.',
        );
    }
    await countAct(member.actorId);
    const results = await enrolPupils({
      siteId: site.id,
      stageId: data.stageId,
      member,
      pupilIds: data.pupilIds,
      newPupil: data.newPupil,
      waitlist: data.waitlist,
    });
    wakeConvocations(); // sent just after, outside the enrolment's transaction
    refresh();
    return { results };
  });
}

export async function cancelEnrolmentAction(input: unknown) {
  return runAction(cancelEnrolmentSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    const by = can(actor, 'enrolments:cancel-site')
      ? { kind: 'lycee' as const, actorId: actor.user!.id }
      : { kind: 'college' as const, ...enrollingMember(actor, 'enrolments:cancel') };
    await countAct(by.actorId);
    const result = await cancelEnrolment({ siteId: site.id, enrolmentId: data.enrolmentId, by, origin: await requestOrigin() });
    wakeConvocations(); // a promoted pupil's convocation
    refresh();
    return result;
  });
}

export async function attendanceAction(input: unknown) {
  return runAction(attendanceSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'attendance:record');
    const result = await recordAttendance({
      siteId: site.id,
      enrolmentId: data.enrolmentId,
      attendance: data.attendance,
      actorId: actor.user!.id,
      origin: await requestOrigin(),
    });
    refresh();
    return result;
  });
}

export async function saveEnrolmentOptionsAction(input: unknown) {
  return runAction(enrolmentOptionsSchema, input, async (data, actor) => {
    const site = siteOf(actor);
    assertCan(actor, 'site:manage');
    await saveEnrolmentOptions({ siteId: site.id, actorId: actor.user!.id, options: data });
    refresh();
    return { saved: true };
  });
}
