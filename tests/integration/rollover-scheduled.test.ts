// The yearly rollover runs by itself (issue 14): on its documented day, 1 July of the year's last
// calendar year (lib/reference/school-year.ts closableFrom), caught up at the next start when the
// server was off (each missed year once, in order), idempotent, one run per year whatever the number
// of server instances. Driven by the test clock, never today's date.
import { useTestDb } from '../helpers/db';
import { makeClass, makePupil, makeTeam, type Team } from '../factories/college';
import { makeSite, makeStage } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { dueRolloverYears, lastClosableYear, rolloverStep, runDueRollovers, startRollover, startRolloverSchedule } from '@/lib/classes/rollover';
import { activeSchoolYear } from '@/lib/reference/school-year';
import { ERASED_SIGNER } from '@/lib/classes/pupil-data';

const db = useTestDb();
let team: Team;

const runs = (year?: number) => db().prisma.rollover.findMany({ where: { dryRun: false, ...(year ? { schoolYear: year } : {}) }, orderBy: { startedAt: 'asc' } });
const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
});
afterAll(() => setNow(null));

describe('the day it runs', () => {
  it('is 1 July: until 30 June the year before is the last closable one, from 1 July the running one', () => {
    expect(lastClosableYear(new Date('2027-06-30T21:59:00Z'))).toBe(2025); // 23:59 in Paris, 30 June 2027
    expect(lastClosableYear(new Date('2027-06-30T22:00:00Z'))).toBe(2026); // 00:00 in Paris, 1 July 2027
    expect(lastClosableYear(new Date('2027-08-31T12:00:00Z'))).toBe(2026);
    expect(lastClosableYear(new Date('2027-09-01T12:00:00Z'))).toBe(2026);
    expect(lastClosableYear(new Date('2027-12-02T12:00:00Z'))).toBe(2026);
  });

  it('nothing is due while the running year holds the only data (2 December 2026)', async () => {
    // makeTeam's classes and pupil are of the test clock's school year; pin it.
    await db().prisma.classRoom.updateMany({ data: { schoolYear: 2026 } });
    await db().prisma.pupil.updateMany({ data: { schoolYear: 2026 } });
    expect(await dueRolloverYears(new Date('2026-12-02T09:00:00+01:00'))).toEqual([]);
    expect(await runDueRollovers(new Date('2026-12-02T09:00:00+01:00'))).toEqual([]);
    expect(await runs()).toHaveLength(0);
  });
});

describe('catching up on missed years', () => {
  const NOW = new Date('2026-12-02T09:00:00+01:00');
  let old: { p2023: string; p2024: string; class2023: string; class2024: string };

  beforeAll(async () => {
    const p = db().prisma;
    const c23 = await makeClass(p, { establishmentId: team.establishmentId, name: '3e 2023', schoolYear: 2023 });
    const c24 = await makeClass(p, { establishmentId: team.establishmentId, name: '3e 2024', schoolYear: 2024 });
    const p23 = await makePupil(p, { establishmentId: team.establishmentId, classRoomId: c23.id, schoolYear: 2023, guardians: 1 });
    const p24 = await makePupil(p, { establishmentId: team.establishmentId, classRoomId: c24.id, schoolYear: 2024, guardians: 2 });
    old = { p2023: p23.pupil.id, p2024: p24.pupil.id, class2023: c23.id, class2024: c24.id };
    // The 2024 pupil's signed convention: the rollover empties it as an erasure does (one way).
    const site = await makeSite(p, { slug: 'rentree', uai: '0350032V' });
    const stage = await makeStage(p, site, { date: '2025-03-11' });
    const e = await p.enrolment.create({ data: { stageId: stage.id, pupilId: p24.pupil.id, establishmentId: team.establishmentId } });
    const c = await p.convention.create({
      data: {
        enrolmentId: e.id,
        siteId: site.site.id,
        number: '2024-RENTREE-000001',
        verifyCode: 'RRRR-RRRR-RRR1',
        status: 'SIGNED',
        version: 1,
        snapshot: { pupil: 'Élève' },
        snapshotHash: 'c'.repeat(64),
        pdf: new Uint8Array([1, 2, 3]),
        pdfSha256: 'b'.repeat(64),
        sealedPdf: new Uint8Array([4, 5, 6]),
        sealedSha256: 'f'.repeat(64),
        signedAt: new Date('2025-03-01T10:00:00Z'),
      },
    });
    await p.signature.create({
      data: {
        conventionId: c.id,
        version: 1,
        party: 'GUARDIAN_1',
        signerName: 'Parent Un',
        signerEmail: 'parent@exemple.fr',
        ip: '203.0.113.1',
        pdfSha256: 'b'.repeat(64),
      },
    });
    await p.outboxEmail.create({
      data: { template: 'notice', to: 'x@ac-rennes.fr', subject: 'Convention signée : n° 2024-RENTREE-000001', html: '', text: '', status: 'SENT' },
    });
  });

  it('the years due are the closable ones that still hold data, oldest first (2025 holds none and is past its summer)', async () => {
    expect(await dueRolloverYears(NOW)).toEqual([2023, 2024]);
  });

  it('a server starting on 2 December 2026 closes 2023, then 2024, each once, by itself', async () => {
    setNow(NOW, { frozen: true });
    const stop = startRolloverSchedule({ firstMs: 0, everyMs: 3_600_000 });
    const finished = await waitFor(async () => (await runs()).filter((r) => r.finishedAt).length === 2);
    stop();
    expect(finished).toBe(true);
    const done = await runs();
    expect(done.map((r) => r.schoolYear)).toEqual([2023, 2024]);
    expect(done.every((r) => r.startedById === null && r.finishedAt?.getTime() === NOW.getTime())).toBe(true);
    const audits = await db().prisma.auditEntry.findMany({ where: { action: 'rollover.run' }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => (a.data as { schoolYear: number }).schoolYear)).toEqual([2023, 2024]);
    expect(audits.every((a) => a.actorId === null)).toBe(true);
  });

  it('the old years are anonymised and their classes gone; this year is untouched', async () => {
    const p = db().prisma;
    for (const id of [old.p2023, old.p2024]) expect(await p.pupil.findUniqueOrThrow({ where: { id } })).toMatchObject({ firstName: null, anonymisedAt: NOW });
    expect(await p.classRoom.count({ where: { id: { in: [old.class2023, old.class2024] } } })).toBe(0);
    expect(await p.pupil.findUniqueOrThrow({ where: { id: team.pupil.id } })).toMatchObject({ anonymisedAt: null });
    expect(await p.classRoom.count({ where: { id: team.classA.id } })).toBe(1);
  });

  it('what a convention holds goes as with an erasure on request (the same function)', async () => {
    const p = db().prisma;
    const c = await p.convention.findUniqueOrThrow({ where: { number: '2024-RENTREE-000001' }, include: { signatures: true } });
    expect(c).toMatchObject({ status: 'SIGNED', snapshot: null, pdf: null, sealedPdf: null, sealedSha256: 'f'.repeat(64) });
    expect(c.signatures[0]).toMatchObject({ signerName: ERASED_SIGNER, signerEmail: null, ip: null });
    expect(await p.outboxEmail.count({ where: { subject: { contains: '2024-RENTREE-000001' } } })).toBe(0);
  });

  it('running again does nothing more', async () => {
    expect(await dueRolloverYears(NOW)).toEqual([]);
    expect(await runDueRollovers(NOW)).toEqual([]);
    expect(await runs()).toHaveLength(2);
    expect(await db().prisma.auditEntry.count({ where: { action: 'rollover.run' } })).toBe(2);
  });
});

describe('on 1 July 2027', () => {
  const JULY = new Date('2027-07-01T06:00:00+02:00');

  it('closes the year just ending: its pupils are anonymised, the next year opens', async () => {
    expect(await dueRolloverYears(JULY)).toEqual([2026]);
    const [run] = await runDueRollovers(JULY);
    expect(run).toMatchObject({ finished: true, summary: { schoolYear: 2026 } });
    expect(await db().prisma.pupil.findUniqueOrThrow({ where: { id: team.pupil.id } })).toMatchObject({ anonymisedAt: JULY });
    expect(await activeSchoolYear(db().prisma, JULY)).toBe(2027);
    expect(await dueRolloverYears(new Date('2027-07-01T07:00:00+02:00'))).toEqual([]);
  });
});

describe('several server instances, an interrupted run, the operator', () => {
  const SUMMER = new Date('2029-08-10T10:00:00+02:00');

  beforeAll(async () => {
    const p = db().prisma;
    for (const year of [2027, 2028]) {
      for (const name of ['A', 'B']) {
        const t = await makeTeam(p, { name: `Collège ${year} ${name}` });
        await p.classRoom.updateMany({ where: { establishmentId: t.establishmentId }, data: { schoolYear: year } });
        await p.pupil.updateMany({ where: { establishmentId: t.establishmentId }, data: { schoolYear: year } });
      }
    }
  });

  it('two instances at once: one run per year, each establishment closed once', async () => {
    // An interrupted run of 2027 first (one establishment done): both instances resume it.
    const started = await startRollover({ year: 2027, actorId: null, dryRun: false, now: SUMMER });
    await rolloverStep(started.id, SUMMER);
    expect(await dueRolloverYears(SUMMER)).toEqual([2027, 2028]);
    await Promise.all([runDueRollovers(SUMMER), runDueRollovers(SUMMER)]);
    for (const year of [2027, 2028]) {
      const rows = await runs(year);
      expect([year, rows.length, !!rows[0]?.finishedAt]).toEqual([year, 1, true]);
    }
    expect((await runs(2027))[0].id).toBe(started.id);
    const summary = (await runs(2027))[0].summary as { done: number; establishments: { establishmentId: string }[] };
    const ids = summary.establishments.map((e) => e.establishmentId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(summary.done).toBe(2);
    const audits = await db().prisma.auditEntry.findMany({ where: { action: 'rollover.run' } });
    for (const year of [2027, 2028]) expect(audits.filter((a) => (a.data as { schoolYear: number }).schoolYear === year)).toHaveLength(1);
  });

  it('a year already closed is not run again, even when a class of that year appears afterwards', async () => {
    const p = db().prisma;
    await makeClass(p, { establishmentId: team.establishmentId, name: 'tard', schoolYear: 2028 }); // made after the close
    expect(await dueRolloverYears(SUMMER)).toEqual([]);
  });
});

describe('a summer with nothing to close', () => {
  it('still closes the year just ending (an empty run), so that a class created in July belongs to the next year — not after 1 September', async () => {
    const JULY = new Date('2030-07-02T10:00:00+02:00');
    expect(await dueRolloverYears(new Date('2030-09-02T10:00:00+02:00'))).toEqual([]); // the rentrée moved the year on by itself
    expect(await dueRolloverYears(JULY)).toEqual([2029]);
    const [run] = await runDueRollovers(JULY);
    expect(run).toMatchObject({ finished: true, done: 0, total: 0, summary: { schoolYear: 2029 } });
    expect(await activeSchoolYear(db().prisma, JULY)).toBe(2030);
  });
});
