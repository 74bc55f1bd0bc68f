// Who may read or act on an enrolment's convention, decided on the server from the session and the
// host: the platform's staff (its own stages only), the collège's members who reach the pupil (or
// who enrolled them), the pupil themself. Anyone else: not found.
import { prisma } from '../core/db.ts';
import { can } from '../core/permissions.ts';
import type { Actor } from '../core/actor.ts';
import { pupilReachOf, pupilsInReach } from '../classes/access.ts';

type ConventionSide = 'lycée' | 'collège' | 'élève';
export type ConventionAccess = { enrolmentId: string; siteId: string; side: ConventionSide; mayManage: boolean };

/** An enrolment's id as the app makes them (cuid or UUID): anything else is not found, without a query. */
const ENROLMENT_ID = /^[A-Za-z0-9_-]{1,40}$/;

export async function conventionAccess(actor: Actor, enrolmentId: string): Promise<ConventionAccess | null> {
  if (!actor.user || !can(actor, 'conventions:view') || !ENROLMENT_ID.test(enrolmentId)) return null;
  const select = { id: true, stage: { select: { siteId: true } } } as const;
  if (actor.site && can(actor, 'enrolments:view-site')) {
    const e = await prisma.enrolment.findFirst({ where: { id: enrolmentId, stage: { siteId: actor.site.id }, pupil: { anonymisedAt: null } }, select });
    if (e) return { enrolmentId: e.id, siteId: e.stage.siteId, side: 'lycée', mayManage: can(actor, 'conventions:send') };
  }
  const reach = pupilReachOf(actor, 'view');
  if (reach) {
    const e = await prisma.enrolment.findFirst({
      where: {
        id: enrolmentId,
        establishmentId: reach.establishmentId,
        pupil: { anonymisedAt: null },
        OR: [{ pupil: pupilsInReach(reach) }, { enrolledById: actor.user.id }],
      },
      select,
    });
    const manage = pupilReachOf(actor, 'manage');
    if (e) {
      const managed =
        !!manage &&
        can(actor, 'conventions:send') &&
        !!(await prisma.enrolment.count({ where: { id: e.id, OR: [{ pupil: pupilsInReach(manage) }, { enrolledById: actor.user.id }] } }));
      return { enrolmentId: e.id, siteId: e.stage.siteId, side: 'collège', mayManage: managed };
    }
  }
  if (actor.pupil) {
    const e = await prisma.enrolment.findFirst({ where: { id: enrolmentId, pupilId: actor.pupil.id }, select });
    if (e) return { enrolmentId: e.id, siteId: e.stage.siteId, side: 'élève', mayManage: false };
  }
  return null;
}
