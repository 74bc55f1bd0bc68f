// The waiting list and the fair share of seats between collèges, on the real database: a freed
// seat goes to the first waiting pupil in the cancelling transaction (with the convocation), a
// collège that holds its share waits while another one may enrol, and the cap lifts N days before.
import pg from 'pg';
import { useTestDb } from '../helpers/db';
import {
  daysFromNow,
  icsFields,
  makeCollege,
  makeSite,
  makeStage,
  NOW,
  outboxEmails,
  principalOf,
  type TestCollege,
  type TestSite,
  outboxMark,
} from '../factories/sites';
import { cancelEnrolment, enrolPupils, type EnrollingMember } from '@/lib/enrolments/service';
import { stageEnrolments } from '@/lib/enrolments/queries';

const db = useTestDb();
const origin = 'http://demo.localhost';
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
let demo: TestSite;
let partage: TestSite;
let a: TestCollege;
let b: TestCollege;
let memberA: EnrollingMember;
let memberB: EnrollingMember;
const used = new Map<string, number>();
/** The next unused pupil of a collège. */
const next = (c: TestCollege) => {
  const n = used.get(c.est.id) ?? 0;
  used.set(c.est.id, n + 1);
  return c.pupils[n];
};

beforeAll(async () => {
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  partage = await makeSite(p, { slug: 'partage', uai: '0350050B', name: 'Lycée du Partage' });
  await p.site.update({ where: { id: partage.site.id }, data: { fairShareSeats: 2, fairShareDays: 7 } });
  a = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 30 });
  b = await makeCollege(p, { uai: '0350034X', name: 'Collège des Champs', pupils: 30 });
  memberA = await principalOf(p, a);
  memberB = await principalOf(p, b);
});

type Site = TestSite;
const enrolOne = async (site: Site, stageId: string, member: EnrollingMember, pupilId: string, opts: { waitlist?: boolean; now?: Date } = {}) => {
  const [r] = await enrolPupils({ siteId: site.site.id, stageId, member, pupilIds: [pupilId], waitlist: opts.waitlist ?? true, now: opts.now ?? NOW });
  return r;
};
const enrolmentOf = (stageId: string, pupilId: string) => db().prisma.enrolment.findFirstOrThrow({ where: { stageId, pupilId }, orderBy: { createdAt: 'desc' } });
const statusOf = async (stageId: string, pupilId: string) => (await enrolmentOf(stageId, pupilId)).status;
const seats = async (stageId: string) => (await db().prisma.stage.findUniqueOrThrow({ where: { id: stageId } })).enrolledCount;
const cancelBy = (site: Site, member: EnrollingMember, enrolmentId: string, now = NOW) =>
  cancelEnrolment({ siteId: site.site.id, enrolmentId, by: { kind: 'college', ...member }, origin, now });

describe('the waiting list', () => {
  let stageId = '';
  const p = () => db().prisma;
  let c1: string, c2: string, w1: string, w2: string, w3: string;

  beforeAll(async () => {
    stageId = (await makeStage(p(), demo, { date: daysFromNow(9), capacity: 2 })).id;
    [c1, c2, w2] = [next(a).id, next(a).id, next(a).id];
    [w1, w3] = [next(b).id, next(b).id];
    expect((await enrolOne(demo, stageId, memberA, c1)).outcome).toBe('CONFIRMED');
    expect((await enrolOne(demo, stageId, memberA, c2)).outcome).toBe('CONFIRMED');
    for (const [m, pupil] of [
      [memberB, w1],
      [memberA, w2],
      [memberB, w3],
    ] as const) {
      expect((await enrolOne(demo, stageId, m, pupil)).outcome).toBe('WAITING');
    }
  });

  it('lists the confirmed pupils, then the waiting ones in the order they came', async () => {
    const rows = await stageEnrolments(demo.site.id, stageId, { kind: 'site' });
    const ids = await Promise.all([c1, c2, w1, w2, w3].map(async (pupil) => (await enrolmentOf(stageId, pupil)).id));
    expect(rows.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITING', 'WAITING', 'WAITING']);
    expect(rows.slice(2).map((r) => r.id)).toEqual(ids.slice(2));
    expect(await seats(stageId)).toBe(2);
  });

  it('cancelling a confirmed pupil promotes the first waiting one (another collège) in the same act, seats unchanged, with its convocation', async () => {
    const since = await outboxMark();
    const res = await cancelBy(demo, memberA, (await enrolmentOf(stageId, c1)).id);
    expect(res.promoted).toBe(1);
    expect(await seats(stageId)).toBe(2);
    expect([await statusOf(stageId, c1), await statusOf(stageId, w1), await statusOf(stageId, w2), await statusOf(stageId, w3)]).toEqual([
      'CANCELLED',
      'CONFIRMED',
      'WAITING',
      'WAITING',
    ]);
    const [mail, ...rest] = await outboxEmails(p(), { to: b.principal.email!, since });
    const promoted = await enrolmentOf(stageId, w1);
    expect(promoted.convocationSentAt).not.toBeNull();
    expect(rest).toEqual([]);
    expect(mail.template).toBe('convocation');
    expect(mail.text).toContain('Une place s’est libérée');
    expect(mail.files).toHaveLength(1);
    expect(mail.files[0].contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const ics = icsFields(mail.files[0].text);
    expect([ics.METHOD, ics.UID, ics.SEQUENCE]).toEqual(['REQUEST', `enrolment-${promoted.id}@ministage`, '0']);
    // The promoted pupil's guardian too; the audit says who was promoted.
    expect(await p().outboxEmail.count({ where: { template: 'convocation', createdAt: { gte: since } } })).toBe(2);
    const audit = await p().auditEntry.findFirstOrThrow({ where: { action: 'enrolment.promote', targetId: promoted.id } });
    expect(audit.establishmentId).toBe(b.est.id);
  });

  it('cancelling a waiting pupil promotes nobody and sends nothing', async () => {
    const since = await outboxMark();
    const res = await cancelBy(demo, memberB, (await enrolmentOf(stageId, w3)).id);
    expect(res).toEqual({ promoted: 0, emails: 0 });
    expect(await seats(stageId)).toBe(2);
    expect(await statusOf(stageId, w2)).toBe('WAITING');
    expect(await outboxEmails(p(), { since })).toEqual([]);
  });

  it('the next freed seat goes to the next in line', async () => {
    const res = await cancelBy(demo, memberA, (await enrolmentOf(stageId, c2)).id);
    expect(res.promoted).toBe(1);
    expect(await statusOf(stageId, w2)).toBe('CONFIRMED');
    expect(await seats(stageId)).toBe(2);
  });

  it('a cancelled enrolment cannot be cancelled again', async () => {
    await expect(cancelBy(demo, memberA, (await enrolmentOf(stageId, c1)).id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cette inscription est déjà annulée.',
    });
    expect(await seats(stageId)).toBe(2);
  });

  (onPostgres ? it : it.skip)('a pupil joining the waiting list while a seat is being freed is not left waiting beside an empty seat (PostgreSQL)', async () => {
    const stage = await makeStage(p(), demo, { date: daysFromNow(11), capacity: 1 });
    const holder = next(a).id;
    const late = next(b).id;
    expect((await enrolOne(demo, stage.id, memberA, holder)).outcome).toBe('CONFIRMED');
    const holderEnrolment = (await enrolmentOf(stage.id, holder)).id;
    // Hold both transactions just before their audit line (the last write), in this order: the
    // enrolment first (after its seat was refused), then the cancellation.
    const [{ name }] = await p().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const gate = new pg.Client({ connectionString: url.toString() });
    const watch = new pg.Client({ connectionString: url.toString() });
    await gate.connect();
    await watch.connect();
    const waitingOnLocks = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await watch.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows[0].n >= n) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${n} blocked transactions expected`);
    };
    try {
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE "AuditEntry" IN SHARE MODE');
      const enrolling = enrolOne(demo, stage.id, memberB, late);
      await waitingOnLocks(1);
      const cancelling = cancelBy(demo, memberA, holderEnrolment);
      await waitingOnLocks(2);
      await gate.query('COMMIT');
      const [r, c] = await Promise.all([enrolling, cancelling]);
      // Either the newcomer took the freed seat or the cancellation promoted it: never waiting beside a free seat.
      const state = { seats: await seats(stage.id), late: await statusOf(stage.id, late) };
      expect(state).toEqual({ seats: 1, late: 'CONFIRMED' });
      expect(r.outcome === 'CONFIRMED' || c.promoted === 1).toBe(true);
    } finally {
      await gate.end();
      await watch.end();
    }
  });
});

describe('the fair share (2 seats per collège until 7 days before the stage)', () => {
  const p = () => db().prisma;

  it('more than 7 days before: a collège cannot take a 3rd seat (refused, or waiting), another collège can', async () => {
    const stage = await makeStage(p(), partage, { date: daysFromNow(8), capacity: 10 });
    expect((await enrolOne(partage, stage.id, memberA, next(a).id)).outcome).toBe('CONFIRMED');
    expect((await enrolOne(partage, stage.id, memberA, next(a).id)).outcome).toBe('CONFIRMED');
    const third = next(a);
    const refused = await enrolOne(partage, stage.id, memberA, third.id, { waitlist: false });
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.message).toBe(
      `${refused.pupil} : Votre collège a déjà ses 2 places dans ce stage (partage équitable entre collèges) : inscrivez l’élève en liste d’attente.`,
    );
    expect(await seats(stage.id)).toBe(2);
    expect((await enrolOne(partage, stage.id, memberA, third.id)).outcome).toBe('WAITING');
    expect(await seats(stage.id)).toBe(2);
    expect((await enrolOne(partage, stage.id, memberB, next(b).id, { waitlist: false })).outcome).toBe('CONFIRMED');
    expect(await seats(stage.id)).toBe(3);
  });

  it('7 days before the stage or closer, the cap lifts', async () => {
    const near = await makeStage(p(), partage, { date: daysFromNow(7), capacity: 10 });
    const results = await enrolPupils({
      siteId: partage.site.id,
      stageId: near.id,
      member: memberA,
      pupilIds: [next(a).id, next(a).id, next(a).id],
      waitlist: false,
      now: NOW,
    });
    expect(results.map((r) => r.outcome)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    // The same stage 8 days away is capped today, lifted tomorrow.
    const far = await makeStage(p(), partage, { date: daysFromNow(8), capacity: 10 });
    await enrolPupils({ siteId: partage.site.id, stageId: far.id, member: memberA, pupilIds: [next(a).id, next(a).id], waitlist: false, now: NOW });
    expect((await enrolOne(partage, far.id, memberA, next(a).id, { waitlist: false })).outcome).toBe('REFUSED');
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    expect((await enrolOne(partage, far.id, memberA, next(a).id, { waitlist: false, now: tomorrow })).outcome).toBe('CONFIRMED');
  });

  it('a freed seat skips a waiting pupil whose collège holds its share, and goes to the next collège', async () => {
    const stage = await makeStage(p(), partage, { date: daysFromNow(9), capacity: 3 });
    const [a1, a2, a3] = [next(a).id, next(a).id, next(a).id];
    const [b1, b2] = [next(b).id, next(b).id];
    await enrolOne(partage, stage.id, memberA, a1);
    await enrolOne(partage, stage.id, memberA, a2);
    await enrolOne(partage, stage.id, memberB, b1);
    expect((await enrolOne(partage, stage.id, memberA, a3)).outcome).toBe('WAITING'); // first in line
    expect((await enrolOne(partage, stage.id, memberB, b2)).outcome).toBe('WAITING');
    expect(await seats(stage.id)).toBe(3);

    expect((await cancelBy(partage, memberB, (await enrolmentOf(stage.id, b1)).id)).promoted).toBe(1);
    expect([await statusOf(stage.id, a3), await statusOf(stage.id, b2)]).toEqual(['WAITING', 'CONFIRMED']);
    expect(await seats(stage.id)).toBe(3);

    // Once the collège is under its share again, its waiting pupil is promoted.
    expect((await cancelBy(partage, memberA, (await enrolmentOf(stage.id, a1)).id)).promoted).toBe(1);
    expect(await statusOf(stage.id, a3)).toBe('CONFIRMED');
    expect(await seats(stage.id)).toBe(3);
  });

  it('when every waiting pupil’s collège holds its share, the freed seat stays free', async () => {
    const stage = await makeStage(p(), partage, { date: daysFromNow(9), capacity: 3 });
    const [a1, a2, a3] = [next(a).id, next(a).id, next(a).id];
    const b1 = next(b).id;
    await enrolOne(partage, stage.id, memberA, a1);
    await enrolOne(partage, stage.id, memberA, a2);
    await enrolOne(partage, stage.id, memberB, b1);
    expect((await enrolOne(partage, stage.id, memberA, a3)).outcome).toBe('WAITING');
    expect(await cancelBy(partage, memberB, (await enrolmentOf(stage.id, b1)).id)).toMatchObject({ promoted: 0 });
    expect(await statusOf(stage.id, a3)).toBe('WAITING');
    expect(await seats(stage.id)).toBe(2);
  });
});
