// Read models of the portal's home (app/(portail)/page.tsx) and of the pupil's « Mes stages »
// (app/(portail)/mes-stages): a pupil's own enrolments with their convocation; a collège member's
// pupils' enrolments in short, and the lycée platforms with stages open to their classes' levels; the
// platforms a person works on. Everything is scoped by the session's ids (the pupil's, the member's
// reach, the user's), never by the client. Links to a platform are built with siteOrigin from the
// portal's origin the page gives.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import * as clock from '../core/clock.ts';
import type { Actor } from '../core/actor.ts';
import { dbDay, displayName, parisClock, type Day } from '../core/format.ts';
import { siteOrigin } from '../core/origin.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { ownClassWhere, pupilReachOf } from '../classes/access.ts';
import { askFor, conventionNoteOf, convocationStageSelect, mapSearchUrl, placeLines, toBringOf } from '../stages/convocation.ts';
import { stageSlotSelect } from '../stages/queries.ts';
import { dayToDb, schoolYearStart } from '../stages/time.ts';
import { CONVENTION_LABEL, ENROLMENT_STATUS, collegeEnrolmentWhere, type EnrolmentStatusName } from './queries.ts';
import { audiencesOf } from './rules.ts';

type ConventionStatusName = keyof typeof CONVENTION_LABEL;

/** A platform's address as siteOrigin reads it: its first custom domain (by name), else its subdomain. */
const siteAddressSelect = { slug: true, domains: { select: { host: true }, orderBy: { host: 'asc' }, take: 1 } } satisfies Prisma.SiteSelect;

const originOf = (site: { slug: string; domains: { host: string }[] }, portal: string) => siteOrigin(site, portal, env.rootDomain);

const formationOf = (f: { type: string; name: string }) => `${f.type} ${f.name}`;

// ───────────────────────────── the pupil's « Mes stages » ─────────────────────────────

/** One of the pupil's enrolments, as its convocation says it (lib/stages/convocation.ts), with its convention. */
export type PupilStage = {
  id: string;
  /** 'CANCELLED' also when the lycée cancelled the stage. */
  status: EnrolmentStatusName;
  statusLabel: string;
  /** The lycée cancelled the whole stage (not only this enrolment). */
  stageCancelled: boolean;
  /** Place on the stage's waiting list (1 = next), when waiting. */
  waitingRank: number | null;
  attendance: 'PRESENT' | 'ABSENT' | null;
  date: Day;
  startMinutes: number;
  endMinutes: number;
  stageType: string;
  scheduleDetail: string | null;
  formation: string;
  platform: string;
  /** The stage's public page on its platform. */
  stageUrl: string;
  placeLines: string[];
  /** An OpenStreetMap search of the lycée's address. */
  mapUrl: string | null;
  askFor: string[];
  toBring: string;
  convention: {
    status: ConventionStatusName;
    label: string;
    /** How the platform wants it back (shown until it is signed). */
    note: string;
    /** The signed convention's PDF (app/api/conventions/[enrolmentId]: the pupil may read their own), once signed. */
    pdfUrl: string | null;
  } | null;
  /** The attestation de présence, once the lycée noted the pupil present. */
  attestationUrl: string | null;
};

export type PupilStages = { upcoming: PupilStage[]; past: PupilStage[] };

const PUPIL_STAGES_LIMIT = 100;

/**
 * The pupil's own enrolments (and nobody else's): upcoming ones first (soonest first; a cancelled one
 * stays, marked, so that nobody comes for nothing), then past ones (latest first) where the pupil had a
 * seat. The PDF links are paths of the current host (the portal, where the pupil is signed in).
 */
export async function pupilStages(pupilId: string, opts: { portal: string; now?: Date }): Promise<PupilStages> {
  const today = parisClock(opts.now ?? clock.now()).day;
  const rows = await prisma.enrolment.findMany({
    where: { pupilId, pupil: { anonymisedAt: null } },
    orderBy: [{ stage: { date: 'desc' } }, { stage: { startMinutes: 'desc' } }, { createdAt: 'desc' }],
    take: PUPIL_STAGES_LIMIT,
    select: {
      id: true,
      stageId: true,
      status: true,
      attendance: true,
      convention: { select: { status: true } },
      stage: { select: { ...stageSlotSelect, ...convocationStageSelect, site: { select: { ...convocationStageSelect.site.select, ...siteAddressSelect } } } },
    },
  });
  // A cancelled enrolment in a stage the pupil is enrolled in again says nothing more.
  const active = new Set(rows.filter((r) => r.status !== 'CANCELLED').map((r) => r.stageId));
  const shown = rows.filter((r) => {
    const past = dbDay(r.stage.date) < today;
    if (r.status === 'CANCELLED') return !past && !active.has(r.stageId);
    return !past || (r.status === 'CONFIRMED' && r.stage.status === 'PUBLISHED');
  });
  const waitingStages = [...new Set(shown.filter((r) => r.status === 'WAITING' && r.stage.status === 'PUBLISHED').map((r) => r.stageId))];
  // The position in line over the whole stage (the same order as the platform's: lib/enrolments/queries.ts
  // stageEnrolments); only the pupil's own rank leaves this function.
  const line = waitingStages.length
    ? await prisma.enrolment.findMany({
        where: { stageId: { in: waitingStages }, status: 'WAITING' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, stageId: true },
      })
    : [];
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const w of line) {
    const n = (seen.get(w.stageId) ?? 0) + 1;
    seen.set(w.stageId, n);
    rank.set(w.id, n);
  }
  const items = shown.map((r): PupilStage => {
    const stageCancelled = r.stage.status === 'CANCELLED';
    const status: EnrolmentStatusName = stageCancelled ? 'CANCELLED' : r.status;
    const conventionStatus: ConventionStatusName = r.convention?.status ?? 'DRAFT';
    const signed = status === 'CONFIRMED' && conventionStatus === 'SIGNED';
    return {
      id: r.id,
      status,
      statusLabel: stageCancelled ? 'Stage annulé' : ENROLMENT_STATUS[status],
      stageCancelled,
      waitingRank: status === 'WAITING' ? (rank.get(r.id) ?? null) : null,
      attendance: r.attendance,
      date: dbDay(r.stage.date),
      startMinutes: r.stage.startMinutes,
      endMinutes: r.stage.endMinutes,
      stageType: r.stage.stageType,
      scheduleDetail: r.stage.scheduleDetail,
      formation: formationOf(r.stage.formation),
      platform: r.stage.site.name,
      stageUrl: `${originOf(r.stage.site, opts.portal)}/stages/${r.stage.id}`,
      placeLines: placeLines(r.stage),
      mapUrl: mapSearchUrl(r.stage.site.establishment),
      askFor: askFor(r.stage),
      toBring: toBringOf(r.stage.site),
      convention:
        status === 'CONFIRMED'
          ? {
              status: conventionStatus,
              label: CONVENTION_LABEL[conventionStatus],
              note: conventionNoteOf(r.stage.site),
              pdfUrl: signed ? `/api/conventions/${r.id}` : null,
            }
          : null,
      attestationUrl: status === 'CONFIRMED' && r.attendance === 'PRESENT' ? `/api/conventions/${r.id}?document=attestation` : null,
    };
  });
  const upcoming = items.filter((s) => s.date >= today).sort((a, b) => a.date.localeCompare(b.date) || a.startMinutes - b.startMinutes);
  const past = items.filter((s) => s.date < today);
  return { upcoming, past };
}

// ───────────────────────────── a collège member's home ─────────────────────────────

/** One upcoming enrolment of the collège's pupils, with what is still to do. */
type CollegeEnrolmentLine = {
  id: string;
  pupil: string;
  classRoom: string;
  date: Day;
  startMinutes: number;
  endMinutes: number;
  formation: string;
  platform: string;
  stageUrl: string;
  status: EnrolmentStatusName;
  statusLabel: string;
  /** « convention » (not signed yet) for a seat taken. */
  missing: string[];
};

export type CollegeEnrolmentSummary = {
  /** Active enrolments in stages to come. */
  upcoming: number;
  /** Of which on a waiting list. */
  waiting: number;
  /** Seats taken in stages to come whose convention is not signed. */
  conventionsToSign: number;
  /** Seats in this school year's past stages whose attendance the lycée has not noted. */
  attendanceMissing: number;
  /** The soonest ones. */
  next: CollegeEnrolmentLine[];
};

/** A lycée platform with stages to come that the member's pupils may take. */
export type PlatformOffer = { id: string; name: string; city: string | null; stages: number; withSeats: number; nextDate: Day; url: string };

export type CollegeHome = {
  /** Null when the member reaches no pupil (a teacher who is no class's professeur principal). */
  enrolments: CollegeEnrolmentSummary | null;
  /** The levels of the classes the platforms were chosen for (the member's classes, else the collège's). */
  levels: string[];
  platforms: PlatformOffer[];
};

const NEXT_LINES = 8;

/** The collège member's enrolments in short, and the platforms open to their pupils' levels. */
export async function collegeHome(actor: Actor, opts: { portal: string; now?: Date }): Promise<CollegeHome | null> {
  const member = actor.member;
  if (!member || !actor.user) return null;
  const now = opts.now ?? clock.now();
  const today = parisClock(now).day;
  const reach = pupilReachOf(actor, 'view') ?? pupilReachOf(actor, 'manage');
  // The levels of the pupils one follows: a professeur principal's classes, else the whole collège's.
  const classWhere: Prisma.ClassRoomWhereInput =
    reach && !reach.wholeCollege ? { establishmentId: member.establishmentId, ...ownClassWhere(reach) } : { establishmentId: member.establishmentId };
  const [enrolments, classes] = await Promise.all([
    reach ? collegeEnrolmentSummary(reach, today, opts.portal) : null,
    prisma.classRoom.findMany({ where: classWhere, distinct: ['level'], select: { level: true } }),
  ]);
  const levels = classes.map((c) => c.level).sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  return { enrolments, levels, platforms: await platformsOpenTo(levels, today, opts.portal) };
}

async function collegeEnrolmentSummary(reach: NonNullable<ReturnType<typeof pupilReachOf>>, today: Day, portal: string): Promise<CollegeEnrolmentSummary> {
  const mine = collegeEnrolmentWhere(reach);
  const upcomingWhere: Prisma.EnrolmentWhereInput = { AND: [mine, { stage: { date: { gte: dayToDb(today) }, status: 'PUBLISHED' } }] };
  const [upcoming, waiting, conventionsToSign, attendanceMissing, rows] = await Promise.all([
    prisma.enrolment.count({ where: upcomingWhere }),
    prisma.enrolment.count({ where: { AND: [upcomingWhere, { status: 'WAITING' }] } }),
    prisma.enrolment.count({
      where: { AND: [upcomingWhere, { status: 'CONFIRMED' }, { OR: [{ convention: { is: null } }, { convention: { status: { not: 'SIGNED' } } }] }] },
    }),
    prisma.enrolment.count({
      where: {
        AND: [mine, { status: 'CONFIRMED', attendance: null, stage: { status: 'PUBLISHED', date: { lt: dayToDb(today), gte: dayToDb(schoolYearStart(today)) } } }],
      },
    }),
    prisma.enrolment.findMany({
      where: upcomingWhere,
      orderBy: [{ stage: { date: 'asc' } }, { stage: { startMinutes: 'asc' } }, { status: 'asc' }, { pupil: { lastName: 'asc' } }, { id: 'asc' }],
      take: NEXT_LINES,
      select: {
        id: true,
        status: true,
        convention: { select: { status: true } },
        pupil: { select: { firstName: true, lastName: true, classLabel: true, classRoom: { select: { name: true } } } },
        stage: { select: { ...stageSlotSelect, site: { select: { name: true, ...siteAddressSelect } } } },
      },
    }),
  ]);
  const next = rows.map((r): CollegeEnrolmentLine => ({
    id: r.id,
    pupil: displayName(r.pupil, { fallback: 'Élève' }),
    classRoom: r.pupil.classRoom?.name ?? r.pupil.classLabel ?? 'Sans classe',
    date: dbDay(r.stage.date),
    startMinutes: r.stage.startMinutes,
    endMinutes: r.stage.endMinutes,
    formation: formationOf(r.stage.formation),
    platform: r.stage.site.name,
    stageUrl: `${originOf(r.stage.site, portal)}/stages/${r.stage.id}`,
    status: r.status,
    statusLabel: ENROLMENT_STATUS[r.status],
    missing: r.status === 'CONFIRMED' && r.convention?.status !== 'SIGNED' ? ['convention'] : [],
  }));
  return { upcoming, waiting, conventionsToSign, attendanceMissing, next };
}

/**
 * The active platforms with published stages to come open to these levels (a stage without « Public »
 * is open to all), soonest first, with how many have seats left. Two grouped counts and the platforms:
 * three queries whatever the number of stages.
 */
async function platformsOpenTo(levels: string[], today: Day, portal: string): Promise<PlatformOffer[]> {
  const audiences = audiencesOf(levels);
  const where: Prisma.StageWhereInput = {
    status: 'PUBLISHED',
    date: { gte: dayToDb(today) },
    site: { active: true },
    OR: [{ audience: { isEmpty: true } }, ...(audiences.length ? [{ audience: { hasSome: audiences } }] : [])],
  };
  const [all, free] = await Promise.all([
    prisma.stage.groupBy({ by: ['siteId'], where, _count: { _all: true }, _min: { date: true } }),
    prisma.stage.groupBy({ by: ['siteId'], where: { AND: [where, { enrolledCount: { lt: prisma.stage.fields.capacity } }] }, _count: { _all: true } }),
  ]);
  if (all.length === 0) return [];
  const seats = new Map(free.map((f) => [f.siteId, f._count._all]));
  const sites = await prisma.site.findMany({
    where: { id: { in: all.map((a) => a.siteId) } },
    select: { id: true, name: true, ...siteAddressSelect, establishment: { select: { city: true } } },
  });
  const byId = new Map(sites.map((s) => [s.id, s]));
  return all
    .filter((a) => byId.has(a.siteId))
    .map((a): PlatformOffer => {
      const s = byId.get(a.siteId)!;
      return {
        id: s.id,
        name: s.name,
        city: s.establishment.city,
        stages: a._count._all,
        withSeats: seats.get(a.siteId) ?? 0,
        nextDate: dbDay(a._min.date!),
        url: `${originOf(s, portal)}/liste`,
      };
    })
    .sort((a, b) => a.nextDate.localeCompare(b.nextDate) || a.name.localeCompare(b.name, 'fr'));
}

// ───────────────────────────── lycée staff ─────────────────────────────

export type StaffPlatform = { id: string; name: string; role: 'ADMIN' | 'TEACHER'; roleLabel: string; url: string };

const SITE_ROLE_LABEL = { ADMIN: 'administrateur', TEACHER: 'enseignant du lycée' } as const;

/** The active platforms this user is on the team of (SiteMembership), by name, each with its address. */
export async function staffPlatforms(userId: string, opts: { portal: string }): Promise<StaffPlatform[]> {
  const rows = await prisma.siteMembership.findMany({
    where: { userId, site: { active: true } },
    orderBy: { site: { name: 'asc' } },
    select: { role: true, site: { select: { id: true, name: true, ...siteAddressSelect } } },
  });
  return rows.map((r) => ({ id: r.site.id, name: r.site.name, role: r.role, roleLabel: SITE_ROLE_LABEL[r.role], url: `${originOf(r.site, opts.portal)}/` }));
}
