jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
// The reminders to the collège (the day before; the convention not signed N days before), each
// sent once; and « Export CSV »: the platform's staff get every row, a collège only its own, a
// stranger nothing.
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { enrol, makeCollege, makeSite, makeStage, type TestCollege, type TestSite } from '../factories/sites';
import { makeUser } from '../factories/people';
import { sendDueReminders } from '@/lib/enrolments/reminders';
import { GET } from '@/app/api/stagiaires/route';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
let A: TestSite;
let X: TestCollege;
let Y: TestCollege;
let tomorrow: string;
let inFive: string;
let inTwenty: string;
// Monday 23 November 2026, 18:00 in Paris.
const NOW = new Date('2026-11-23T17:00:00Z');

beforeAll(async () => {
  const p = db().prisma;
  A = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  X = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 3 });
  Y = await makeCollege(p, { uai: '0352274G', name: 'Collège Françoise Dolto', pupils: 2 });
  tomorrow = (await makeStage(p, A, { date: '2026-11-24' })).id;
  inFive = (await makeStage(p, A, { date: '2026-11-28' })).id;
  inTwenty = (await makeStage(p, A, { date: '2026-12-14' })).id;
  await enrol(p, tomorrow, X, [0]);
  await enrol(p, inFive, X, [1]);
  await enrol(p, inTwenty, X, [2]);
  await enrol(p, inFive, Y, [0]);
});

afterAll(() => setNow(null));

const outbox = (to: string) => db().prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true } });

describe('sendDueReminders', () => {
  it('reminds the day before and when the convention is missing within the platform’s N days, once each', async () => {
    const p = db().prisma;
    await p.site.update({ where: { id: A.site.id }, data: { conventionReminderDays: 7 } });
    const first = await sendDueReminders(NOW);
    // Day before: the stage of tomorrow (X). Conventions: tomorrow's and in five days' (X and Y), not in twenty days'.
    expect(first).toEqual({ dayBefore: 1, convention: 3 });
    const x = await outbox(X.principal.email!);
    const name = (i: number) => `${X.pupils[i].firstName} ${X.pupils[i].lastName}`;
    expect(x.map((m) => m.subject).sort()).toEqual(
      [
        'Convention à retourner : mini-stage du mardi 24 novembre 2026',
        'Convention à retourner : mini-stage du samedi 28 novembre 2026',
        `Rappel : mini-stage demain, Bac pro Métiers de l'électricité demo`,
      ].sort(),
    );
    expect(x.find((m) => m.subject.startsWith('Rappel'))!.text).toContain(`${name(0)} est attendu(e)`);
    expect(x.find((m) => m.subject.includes('28 novembre'))!.text).toContain(`La convention de ${name(1)}`);
    expect(await sendDueReminders(NOW)).toEqual({ dayBefore: 0, convention: 0 });
  });

  it('says nothing of a signed convention, a cancelled enrolment or a cancelled stage', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, A, { date: '2026-11-25' });
    await enrol(p, stage.id, Y, [1]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    await p.convention.create({
      data: { enrolmentId: e.id, siteId: stage.siteId, number: '2026-DEMO-000001', verifyCode: 'TEST-CODE-0001', status: 'SIGNED', receivedAt: NOW },
    });
    const cancelled = await makeStage(p, A, { date: '2026-11-26', status: 'CANCELLED' });
    await enrol(p, cancelled.id, Y, [1], 'WAITING');
    expect(await sendDueReminders(NOW)).toEqual({ dayBefore: 0, convention: 0 });
  });
});

describe('GET /api/stagiaires (Export CSV)', () => {
  const get = async (query = '') => GET(new Request(`http://demo.localhost/api/stagiaires${query}`));

  beforeAll(() => setNow(NOW));

  it('gives the platform’s staff every row, in a French CSV', async () => {
    actAs(A.admin.id, 'demo.localhost');
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="stagiaires-demo-2026-11-23\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: a French spreadsheet then reads UTF-8
    const body = new TextDecoder().decode(bytes);
    const rows = await db().prisma.enrolment.count({ where: { stage: { siteId: A.site.id, date: { gte: new Date('2026-11-23') } } } });
    expect(body.split('\r\n').filter(Boolean)).toHaveLength(1 + rows);
    expect(body).toContain('Collège Françoise Dolto');
  });

  it('filters like the page', async () => {
    actAs(A.admin.id, 'demo.localhost');
    const body = await (await get(`?college=${Y.est.id}`)).text();
    expect(body).not.toContain('Collège les Ormeaux');
    const rows = await db().prisma.enrolment.count({ where: { establishmentId: Y.est.id } });
    expect(body.split('\r\n').filter(Boolean)).toHaveLength(1 + rows);
  });

  it('gives a collège only its own pupils', async () => {
    actAs(X.principal.id, 'demo.localhost');
    const body = await (await get()).text();
    expect(body).toContain('Collège les Ormeaux');
    expect(body).not.toContain('Collège Françoise Dolto');
  });

  it('refuses a stranger and an account with no pupils to see', async () => {
    actAs(null, 'demo.localhost');
    expect((await get()).status).toBe(401);
    const nobody = await makeUser(db().prisma);
    actAs(nobody.id, 'demo.localhost');
    expect((await get()).status).toBe(403);
    actAs(A.admin.id, 'localhost');
    expect((await get()).status).toBe(404);
  });
});
