// `npm run seed:scale` (scripts/seed-scale.ts): one académie's worth of data that every rule and
// constraint of the app accepts, so that benchmarks measure pages on data the app could have made.
import { useTestDb } from '../helpers/db';
import { setNow } from '@/lib/core/clock';
import { isPublicHoliday, schoolHolidayOn } from '@/lib/reference/holidays';
import { waitingCap } from '@/lib/enrolments/service';
import { seedScale } from '@/scripts/seed-scale';

const db = useTestDb();
const NOW = '2026-12-02T10:00:00+01:00';

let summary: Awaited<ReturnType<typeof seedScale>>;
beforeAll(async () => {
  setNow(NOW);
  summary = await seedScale(db().prisma);
}, 180_000);
afterAll(() => setNow(null));

const rows = <T>(sql: string) => db().prisma.$queryRawUnsafe<T[]>(sql);

test('the académie’s size: ≈ 110 collèges, ≈ 13,600 pupils in 3e, 20 platforms, 2,000 stages, ≈ 6,000 enrolments', () => {
  const c = summary.counts;
  expect(c.colleges).toBeGreaterThan(100);
  expect(c.pupils).toBeGreaterThan(10_000);
  expect(c.platforms).toBe(20);
  expect(c.stages).toBe(2000);
  expect(c.enrolments).toBeGreaterThan(5000);
  expect(c.enrolments).toBeLessThan(7000);
  expect(c.waiting).toBeGreaterThan(100);
});

test('enrolledCount is the count of confirmed rows; a waiting list only on a full stage, within its cap; a cancelled stage holds nobody', async () => {
  const bad = await rows<{ id: string }>(`
    SELECT s.id FROM "Stage" s
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.status = 'CONFIRMED') AS c, count(*) FILTER (WHERE e.status = 'WAITING') AS w
                       FROM "Enrolment" e WHERE e."stageId" = s.id) n ON true
    WHERE s."enrolledCount" <> n.c OR (n.w > 0 AND s."enrolledCount" < s.capacity) OR (s.status = 'CANCELLED' AND n.c + n.w > 0)`);
  expect(bad).toEqual([]);
  const caps = await rows<{ capacity: number; w: number }>(`
    SELECT s.capacity, count(*)::int AS w FROM "Enrolment" e JOIN "Stage" s ON s.id = e."stageId" WHERE e.status = 'WAITING' GROUP BY s.id, s.capacity`);
  for (const c of caps) expect(c.w).toBeLessThanOrEqual(waitingCap(c.capacity));
});

test('no pupil in two stages at overlapping hours, nor twice in one stage', async () => {
  const clashes = await rows<{ pupilId: string }>(`
    SELECT a."pupilId" FROM "Enrolment" a JOIN "Stage" sa ON sa.id = a."stageId"
    JOIN "Enrolment" b ON b."pupilId" = a."pupilId" AND b.id <> a.id JOIN "Stage" sb ON sb.id = b."stageId"
    WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
      AND (a."stageId" = b."stageId" OR (sa.date = sb.date AND sa."startMinutes" < sb."endMinutes" AND sb."startMinutes" < sa."endMinutes"))`);
  expect(clashes).toEqual([]);
});

test('stages on school days of the zone, each pupil of the stage’s « Public », each enrolment by a member of the pupil’s collège', async () => {
  const days = await rows<{ day: string }>(`SELECT DISTINCT to_char(date, 'YYYY-MM-DD') AS day FROM "Stage"`);
  for (const { day } of days) {
    expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    expect(isPublicHoliday(day)).toBe(false);
    expect(schoolHolidayOn(day, 'B')).toBeNull();
  }
  const audience = await rows<{ id: string }>(`
    SELECT e.id FROM "Enrolment" e JOIN "Stage" s ON s.id = e."stageId" JOIN "Pupil" p ON p.id = e."pupilId"
    WHERE cardinality(s.audience) > 0 AND NOT (CASE p.level WHEN 'SEGPA' THEN '3e SEGPA' ELSE p.level END = ANY(s.audience))`);
  expect(audience).toEqual([]);
  const outsiders = await rows<{ id: string }>(`
    SELECT e.id FROM "Enrolment" e JOIN "Pupil" p ON p.id = e."pupilId"
    WHERE e."establishmentId" <> p."establishmentId"
       OR NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = e."enrolledById" AND m."establishmentId" = e."establishmentId" AND m.status = 'ACTIVE')`);
  expect(outsiders).toEqual([]);
});

test('a platform’s fair share holds: no collège above its seats in one stage', async () => {
  const over = await rows<{ id: string }>(`
    SELECT s.id FROM "Stage" s JOIN "Site" site ON site.id = s."siteId" JOIN "Enrolment" e ON e."stageId" = s.id AND e.status = 'CONFIRMED'
    WHERE site."fairShareSeats" IS NOT NULL GROUP BY s.id, e."establishmentId", site."fairShareSeats" HAVING count(*) > site."fairShareSeats"`);
  expect(over).toEqual([]);
  expect(await db().prisma.site.count({ where: { fairShareSeats: { not: null } } })).toBeGreaterThan(0);
});

test('nothing in the future, and the server’s loops find nothing to do (convocations and reminders sent)', async () => {
  const now = new Date(NOW);
  expect(await db().prisma.enrolment.count({ where: { OR: [{ createdAt: { gt: now } }, { cancelledAt: { gt: now } }] } })).toBe(0);
  expect(await db().prisma.enrolment.count({ where: { convocationDue: { not: null } } })).toBe(0);
  const { sendDueReminders } = await import('@/lib/enrolments/reminders');
  expect(await sendDueReminders(now)).toEqual({ dayBefore: 0, convention: 0 });
  expect(await db().prisma.outboxEmail.count()).toBe(0);
});

test('the benchmark’s targets: the first platform’s admin, a stage of it, the collège principal and a class of that collège', async () => {
  const b = summary.bench;
  const admin = await db().prisma.siteMembership.findFirst({ where: { user: { login: b.platform.admin }, role: 'ADMIN', site: { slug: b.platform.slug } } });
  expect(admin).not.toBeNull();
  expect(await db().prisma.stage.count({ where: { id: b.stageId, site: { slug: b.platform.slug } } })).toBe(1);
  const principal = await db().prisma.membership.findFirst({ where: { user: { login: b.college.principal }, role: 'PRINCIPAL', establishment: { uai: b.college.uai } } });
  expect(principal).not.toBeNull();
  expect(await db().prisma.classRoom.count({ where: { id: b.classId, establishmentId: principal!.establishmentId } })).toBe(1);
});
