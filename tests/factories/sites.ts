// Factories of the lycée-platform area: lycées, platforms with staff, formations and teachers,
// stages, collèges with pupils and guardians, enrolments. Rows are written directly (no rules):
// the tests of the rules go through the services and actions.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { makeEstablishment, makeUser } from './people';
import { isPublicHoliday } from '@/lib/reference/holidays';
import { parisClock } from '@/lib/core/format';
import { addDays, dayToDb, weekday, type Day } from '@/lib/stages/time';
import { sendDueConvocations } from '@/lib/enrolments/convocations';

let seq = 0;
const next = () => ++seq;

/** A fixed clock for deterministic tests: Monday 23 November 2026, 9:00 in Paris. */
export const NOW = new Date('2026-11-23T08:00:00Z');

/** The first day from `today + offset` that can host a stage (not Sunday, not a public holiday); optional weekday. */
export function stageDay(offset: number, wantWeekday?: number, from: Day = parisClock().day): Day {
  let d = addDays(from, offset);
  while (weekday(d) === 0 || isPublicHoliday(d) || (wantWeekday !== undefined && weekday(d) !== wantWeekday)) d = addDays(d, 1);
  return d;
}

/** The latest day before today that could have hosted a stage (not Sunday, not a public holiday). */
export function pastDay(from: Day = parisClock().day): Day {
  let d = addDays(from, -1);
  while (weekday(d) === 0 || isPublicHoliday(d)) d = addDays(d, -1);
  return d;
}

/** The first given weekday (0 = Sunday) from `today + offset`, whatever it is. */
export function weekdayFrom(offset: number, wantWeekday: number, from: Day = parisClock().day): Day {
  let d = addDays(from, offset);
  while (weekday(d) !== wantWeekday) d = addDays(d, 1);
  return d;
}

/** A platform with an admin, a teacher account, two formations and two teachers. */
export async function makeSite(prisma: PrismaClient, input: { slug: string; uai: string; name?: string; city?: string; departmentCode?: string }) {
  const lycee = await makeEstablishment(prisma, { uai: input.uai, name: `Lycée ${input.slug}`, kind: 'LYCEE', city: input.city, departmentCode: input.departmentCode });
  const site = await prisma.site.create({ data: { establishmentId: lycee.id, name: input.name ?? `Lycée ${input.slug}`, slug: input.slug } });
  const admin = await makeUser(prisma, { email: `admin.${input.slug}@ac-rennes.fr` });
  const teacherUser = await makeUser(prisma, { email: `prof.${input.slug}@ac-rennes.fr` });
  await prisma.siteMembership.createMany({
    data: [
      { siteId: site.id, userId: admin.id, role: 'ADMIN' },
      { siteId: site.id, userId: teacherUser.id, role: 'TEACHER' },
    ],
  });
  const elec = await prisma.formation.create({ data: { siteId: site.id, type: 'Bac pro', name: `Métiers de l'électricité ${input.slug}` } });
  const cuisine = await prisma.formation.create({ data: { siteId: site.id, type: 'CAP', name: `Cuisine ${input.slug}` } });
  const durand = await prisma.teacher.create({ data: { siteId: site.id, firstName: 'Paul', lastName: `Durand-${input.slug}` } });
  const lambert = await prisma.teacher.create({ data: { siteId: site.id, firstName: 'Sophie', lastName: `Lambert-${input.slug}` } });
  return { lycee, site, host: `${input.slug}.localhost`, admin, teacherUser, formations: { elec, cuisine }, teachers: { durand, lambert } };
}
export type TestSite = Awaited<ReturnType<typeof makeSite>>;

export async function makeStage(
  prisma: PrismaClient,
  s: TestSite,
  data: {
    date: Day;
    formation?: 'elec' | 'cuisine';
    start?: number;
    end?: number;
    capacity?: number;
    enrolled?: number;
    teacher?: 'durand' | 'lambert' | null;
    stageType?: string;
    scheduleDetail?: string;
    status?: 'PUBLISHED' | 'CANCELLED';
  },
) {
  return prisma.stage.create({
    data: {
      siteId: s.site.id,
      formationId: s.formations[data.formation ?? 'elec'].id,
      teacherId: data.teacher === null ? null : s.teachers[data.teacher ?? 'durand'].id,
      date: dayToDb(data.date),
      startMinutes: data.start ?? 540,
      endMinutes: data.end ?? 720,
      capacity: data.capacity ?? 10,
      enrolledCount: data.enrolled ?? 0,
      stageType: data.stageType ?? 'Mini-stage',
      scheduleDetail: data.scheduleDetail ?? null,
      status: data.status ?? 'PUBLISHED',
      audience: ['3e'],
    },
  });
}

/** A registered collège with a principal account, one class and `pupils` pupils (each with a guardian). */
export async function makeCollege(prisma: PrismaClient, input: { uai: string; name: string; pupils: number; guardianEmails?: boolean }) {
  const est = await makeEstablishment(prisma, { uai: input.uai, name: input.name, kind: 'COLLEGE' });
  const principal = await makeUser(prisma, { email: `ce.${input.uai.toLowerCase()}@ac-rennes.fr` });
  await prisma.membership.create({ data: { userId: principal.id, establishmentId: est.id, role: 'PRINCIPAL', status: 'ACTIVE' } });
  const room = await prisma.classRoom.create({ data: { establishmentId: est.id, name: '3e A', level: '3e', schoolYear: 2026, joinCode: `J${input.uai}` } });
  const pupils = [];
  for (let i = 0; i < input.pupils; i++) {
    const n = next();
    pupils.push(
      await prisma.pupil.create({
        data: {
          establishmentId: est.id,
          classRoomId: room.id,
          schoolYear: 2026,
          level: '3e',
          firstName: `Élève${n}`,
          lastName: input.name.split(' ').pop()!,
          guardians: { create: [{ rank: 1, firstName: 'Parent', lastName: `${n}`, email: input.guardianEmails === false ? null : `parent${n}@example.fr` }] },
        },
      }),
    );
  }
  return { est, principal, room, pupils };
}
export type TestCollege = Awaited<ReturnType<typeof makeCollege>>;

/** Enrols pupils in a stage (CONFIRMED) and keeps enrolledCount in step. */
export async function enrol(prisma: PrismaClient, stageId: string, college: TestCollege, pupilIndexes: number[], status: 'CONFIRMED' | 'WAITING' = 'CONFIRMED') {
  for (const i of pupilIndexes) {
    await prisma.enrolment.create({ data: { stageId, pupilId: college.pupils[i].id, establishmentId: college.est.id, enrolledById: college.principal.id, status } });
  }
  if (status === 'CONFIRMED') await prisma.stage.update({ where: { id: stageId }, data: { enrolledCount: { increment: pupilIndexes.length } } });
}

// ── Enrolments (tests of lib/enrolments): the enrolling member, the test clock's days, the outbox ──

/** The day of the fixed clock NOW in Paris (2026-11-23, a Monday). */
export const TODAY: Day = parisClock(NOW).day;

/** `n` days after NOW's day, exactly (no skipping: the caller picks a usable offset). */
export const daysFromNow = (n: number): Day => addDays(TODAY, n);

/** The principal of a factory collège as lib/enrolments/service.ts takes them: the whole collège in reach. */
export async function principalOf(prisma: PrismaClient, college: TestCollege) {
  const m = await prisma.membership.findFirstOrThrow({ where: { userId: college.principal.id, establishmentId: college.est.id }, select: { id: true } });
  return { actorId: college.principal.id, reach: { establishmentId: college.est.id, membershipId: m.id, wholeCollege: true } };
}

/** A stage's « Public » (makeStage writes ['3e']). */
export function setAudience(prisma: PrismaClient, stageId: string, audience: string[]) {
  return prisma.stage.update({ where: { id: stageId }, data: { audience } });
}

/** A mark in time for `outboxEmails({ since })`, once the convocations already due are out. */
export async function outboxMark(): Promise<Date> {
  await sendDueConvocations();
  return new Date();
}

/** The outbox emails (oldest first) with their attachments decoded as text, optionally to one address or of one template. */
export async function outboxEmails(prisma: PrismaClient, where: { to?: string; template?: string; since?: Date } = {}) {
  await sendDueConvocations(); // the convocations go out after the enrolment (the server's loop)
  const rows = await prisma.outboxEmail.findMany({
    where: { to: where.to, template: where.template, ...(where.since ? { createdAt: { gte: where.since } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { attachments: { orderBy: { position: 'asc' } } },
  });
  return rows.map((r) => ({
    ...r,
    files: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, text: Buffer.from(a.content).toString('utf8') })),
  }));
}

/** An iCalendar text's content lines, unfolded (RFC 5545 §3.1), as `NAME` → value (the first of each name). */
export function icsFields(text: string): Record<string, string> {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i < 0) continue;
    const name = l.slice(0, i).split(';')[0];
    out[name] ??= l.slice(i + 1);
  }
  return out;
}

/** Both establishments' « Informations de l'Établissement » as a convention needs them (heads, addresses, insurance); `lycee`: more for the lycée. */
export async function fillConventionInfo(prisma: PrismaClient, site: TestSite, college: TestCollege, lycee: Prisma.EstablishmentUpdateInput = {}) {
  await prisma.establishment.update({
    where: { id: site.lycee.id },
    data: { headName: 'M. Alain Le Goff', headTitle: 'Proviseur', address1: '12 rue de la Forge', postalCode: '35000', city: 'Rennes', ...lycee },
  });
  await prisma.establishment.update({
    where: { id: college.est.id },
    data: {
      headName: 'Mme Claire Martin',
      headTitle: 'Principale',
      address1: '3 allée des Ormeaux',
      postalCode: '35700',
      city: 'Rennes',
      insurer: 'MAIF',
      insurancePolicy: '1234567',
    },
  });
}
