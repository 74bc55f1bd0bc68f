// The usual enrolment (a platform without fair share, one of the collège's pupils) is one statement
// outside any transaction (lib/enrolments/service.ts, `enrolAtOnce`, calling the PL/pgSQL function
// `enrolment_usual`): the pupil's lock, their enrolments that day read with a fresh snapshot (after
// the lock), the seat, the row and its audit line. These tests hold it to what the longer path does:
// the same rows written, the same refusals with nothing written, and (PostgreSQL) an enrolment of the
// same pupil committed while the statement waited for the pupil's lock is seen.
import pg from 'pg';
import { useTestDb } from '../helpers/db';
import { daysFromNow, makeCollege, makeSite, makeStage, NOW, principalOf, type TestCollege, type TestSite } from '../factories/sites';
import { enrolPupils, type EnrollingMember } from '@/lib/enrolments/service';

const db = useTestDb();
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
let demo: TestSite;
let ormeaux: TestCollege;
let member: EnrollingMember;
let pupilNo = 0;
/** A pupil of les Ormeaux not used by another test. */
const freshPupil = () => ormeaux.pupils[pupilNo++];

/** Wednesday 2 December 2026 (9 days after NOW). */
const D = daysFromNow(9);

beforeAll(async () => {
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  ormeaux = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 20 });
  member = await principalOf(db().prisma, ormeaux);
});

const enrolIn = (stageId: string, pupilIds: string[], over: Partial<Parameters<typeof enrolPupils>[0]> = {}) =>
  enrolPupils({ siteId: demo.site.id, stageId, member: { ...member, addressProven: true }, pupilIds, waitlist: false, now: NOW, ...over });
const seats = async (stageId: string) => (await db().prisma.stage.findUniqueOrThrow({ where: { id: stageId } })).enrolledCount;
const rowsOf = (stageId: string) => db().prisma.enrolment.findMany({ where: { stageId }, select: { status: true, pupilId: true } });
const auditOf = (stageId: string) =>
  db().prisma.auditEntry.findMany({ where: { action: 'enrolment.create', data: { path: ['stageId'], equals: stageId } }, orderBy: { at: 'asc' } });

describe('the usual enrolment, one statement', () => {
  it('writes the seat, the row marked for its convocation and its audit line', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D, capacity: 3 });
    const pupil = freshPupil();
    const [r] = await enrolIn(stage.id, [pupil.id]);
    expect(r).toEqual({
      pupil: `${pupil.firstName} ${pupil.lastName}`,
      outcome: 'CONFIRMED',
      message: `${pupil.firstName} ${pupil.lastName} est inscrit(e). La convocation est envoyée par email.`,
      convocation: true,
    });
    expect(await seats(stage.id)).toBe(1);
    const e = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    expect(e).toMatchObject({
      pupilId: pupil.id,
      establishmentId: ormeaux.est.id,
      enrolledById: member.actorId,
      status: 'CONFIRMED',
      convocationDue: 'new',
      sequence: 0,
    });
    expect(e.id).toMatch(/^[0-9a-f]{32}$/);
    const audit = await auditOf(stage.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: member.actorId,
      establishmentId: ormeaux.est.id,
      siteId: demo.site.id,
      targetType: 'Enrolment',
      targetId: e.id,
      data: { stageId: stage.id, pupilId: pupil.id, status: 'CONFIRMED', typedIn: false },
    });
    expect(audit[0].at).toEqual(NOW);
  });

  it('an account whose address is not proven: the row is not marked, and the line says why', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const pupil = freshPupil();
    const [r] = await enrolIn(stage.id, [pupil.id], { member: { ...member, addressProven: false } });
    expect(r.outcome).toBe('CONFIRMED');
    expect(r.convocation).toBe(false);
    expect(r.message).toContain('Aucune convocation n’a été envoyée');
    expect((await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id } })).convocationDue).toBeNull();
  });

  it('three cancellations in this stage refuse a fourth enrolment, two do not: nothing written when refused', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const [twice, thrice] = [freshPupil(), freshPupil()];
    const cancelled = (pupilId: string, n: number) =>
      db().prisma.enrolment.createMany({
        data: Array.from({ length: n }, () => ({
          stageId: stage.id,
          pupilId,
          establishmentId: ormeaux.est.id,
          enrolledById: member.actorId,
          status: 'CANCELLED' as const,
        })),
      });
    await cancelled(twice.id, 2);
    await cancelled(thrice.id, 3);
    const [r3] = await enrolIn(stage.id, [thrice.id]);
    expect(r3.outcome).toBe('REFUSED');
    expect(r3.message).toMatch(/ : Cet élève a déjà été inscrit puis désinscrit 3 fois de ce stage : contactez le lycée\.$/);
    expect(await seats(stage.id)).toBe(0);
    expect(await auditOf(stage.id)).toHaveLength(0);
    expect((await enrolIn(stage.id, [twice.id]))[0].outcome).toBe('CONFIRMED');
    expect(await seats(stage.id)).toBe(1);
  });

  it('an overlapping stage refuses, naming it; an enrolment in a cancelled stage at the same hours does not', async () => {
    const taken = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 600, end: 660 });
    const dropped = await makeStage(db().prisma, demo, { date: D, start: 540, end: 720, status: 'CANCELLED' });
    const here = await makeStage(db().prisma, demo, { date: D, start: 630, end: 780 });
    const [blocked, free] = [freshPupil(), freshPupil()];
    expect((await enrolIn(taken.id, [blocked.id]))[0].outcome).toBe('CONFIRMED');
    await db().prisma.enrolment.create({ data: { stageId: dropped.id, pupilId: free.id, establishmentId: ormeaux.est.id, enrolledById: member.actorId } });
    const results = await enrolIn(here.id, [blocked.id, free.id]);
    expect(results.map((r) => r.outcome)).toEqual(['REFUSED', 'CONFIRMED']);
    expect(results[0].message).toContain(
      'Cet élève est déjà inscrit au même moment à un autre stage : « CAP Cuisine demo » (Lycée demo), le mercredi 2 décembre 2026 de 10 h 00 à 11 h 00.',
    );
    expect(await rowsOf(here.id)).toEqual([{ status: 'CONFIRMED', pupilId: free.id }]);
    expect(await seats(here.id)).toBe(1);
  });

  it('a full stage: the longer path refuses (no waiting list asked) or puts the pupil on the waiting list', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D, capacity: 1, enrolled: 1 });
    const pupil = freshPupil();
    const [refused] = await enrolIn(stage.id, [pupil.id]);
    expect(refused.message).toMatch(/ : Ce stage est complet : inscrivez l’élève en liste d’attente, ou choisissez un autre stage\.$/);
    expect((await enrolIn(stage.id, [pupil.id], { waitlist: true }))[0].outcome).toBe('WAITING');
    expect(await rowsOf(stage.id)).toEqual([{ status: 'WAITING', pupilId: pupil.id }]);
    expect(await seats(stage.id)).toBe(1);
  });

  it('a stage not found on this platform: each chosen pupil is named on their refused line', async () => {
    const pupil = freshPupil();
    const results = await enrolIn('no-such-stage', [pupil.id, 'no-such-pupil']);
    expect(results.map((r) => [r.pupil, r.outcome])).toEqual([
      [`${pupil.firstName} ${pupil.lastName}`, 'REFUSED'],
      ['Élève', 'REFUSED'],
    ]);
  });
});

(onPostgres ? describe : describe.skip)('an enrolment of the same pupil committed during the wait for their lock (PostgreSQL)', () => {
  /** Holds the pupil's row lock in a transaction of its own, writes `during` in it while the service waits, then commits. */
  async function whileLocked(pupilId: string, enrol: () => Promise<unknown>, during: (c: pg.Client) => Promise<void>) {
    const [{ name }] = await db().prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const gate = new pg.Client({ connectionString: url.toString() });
    const watch = new pg.Client({ connectionString: url.toString() });
    await gate.connect();
    await watch.connect();
    try {
      await gate.query('BEGIN');
      await gate.query('SELECT "id" FROM "Pupil" WHERE "id" = $1 FOR UPDATE', [pupilId]);
      const enrolling = enrol();
      for (let i = 0; ; i++) {
        const { rows } = await watch.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows[0].n >= 1) break;
        if (i > 200) throw new Error('the enrolment never waited for the pupil’s lock');
        await new Promise((r) => setTimeout(r, 25));
      }
      await during(gate);
      await gate.query('COMMIT');
      return await enrolling;
    } finally {
      await gate.end();
      await watch.end();
    }
  }
  const insertConfirmed = (c: pg.Client, stageId: string, pupilId: string) =>
    c.query(`INSERT INTO "Enrolment" ("id", "stageId", "pupilId", "establishmentId", "enrolledById", "status") VALUES ($1, $2, $3, $4, $5, 'CONFIRMED')`, [
      `gate-${stageId}`,
      stageId,
      pupilId,
      ormeaux.est.id,
      member.actorId,
    ]);

  it('at overlapping hours elsewhere: refused, naming that stage, nothing written', async () => {
    const other = await makeStage(db().prisma, demo, { date: D, formation: 'cuisine', start: 540, end: 720 });
    const here = await makeStage(db().prisma, demo, { date: D, start: 600, end: 780 });
    const pupil = freshPupil();
    const [r] = (await whileLocked(
      pupil.id,
      () => enrolIn(here.id, [pupil.id]),
      (c) => insertConfirmed(c, other.id, pupil.id).then(() => undefined),
    )) as Awaited<ReturnType<typeof enrolIn>>;
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toContain('Cet élève est déjà inscrit au même moment à un autre stage : « CAP Cuisine demo » (Lycée demo)');
    expect(await rowsOf(here.id)).toHaveLength(0);
    expect(await seats(here.id)).toBe(0);
    expect(await auditOf(here.id)).toHaveLength(0);
  });

  it('in this very stage: refused as already enrolled, one row, no second seat', async () => {
    const here = await makeStage(db().prisma, demo, { date: D });
    const pupil = freshPupil();
    const [r] = (await whileLocked(
      pupil.id,
      () => enrolIn(here.id, [pupil.id]),
      async (c) => {
        await insertConfirmed(c, here.id, pupil.id);
        await c.query(`UPDATE "Stage" SET "enrolledCount" = "enrolledCount" + 1 WHERE "id" = $1`, [here.id]);
      },
    )) as Awaited<ReturnType<typeof enrolIn>>;
    expect(r.outcome).toBe('REFUSED');
    expect(r.message).toMatch(/ : Cet élève est déjà inscrit à ce stage\.$/);
    expect(await rowsOf(here.id)).toEqual([{ status: 'CONFIRMED', pupilId: pupil.id }]);
    expect(await seats(here.id)).toBe(1);
  });
});
