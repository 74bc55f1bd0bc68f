// Options › Inscriptions: the platform's administrator sets the fair share, the convention reminder
// and « À apporter »; a teacher of the platform or a collège cannot; bad input changes nothing.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeSite, type TestSite } from '../factories/sites';
import { saveEnrolmentOptionsAction } from '@/lib/enrolments/actions';

const db = useTestDb();
let demo: TestSite;
let other: TestSite;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  other = await makeSite(db().prisma, { slug: 'autre', uai: '0350040A' });
});

const options = (siteId: string) =>
  db().prisma.site.findUniqueOrThrow({
    where: { id: siteId },
    select: { fairShareSeats: true, fairShareDays: true, conventionReminderDays: true, convocationNote: true },
  });
const input = { fairShareSeats: '2', fairShareDays: '7', conventionReminderDays: '5', convocationNote: 'Chaussures de sécurité.' };

it('the administrator saves them, on their own platform only, and the act is audited', async () => {
  actAs(demo.admin.id, demo.host);
  const res = await saveEnrolmentOptionsAction(input);
  expect(res.ok).toBe(true);
  expect(await options(demo.site.id)).toEqual({ fairShareSeats: 2, fairShareDays: 7, conventionReminderDays: 5, convocationNote: 'Chaussures de sécurité.' });
  expect((await options(other.site.id)).fairShareSeats).toBeNull();
  expect(await db().prisma.auditEntry.count({ where: { action: 'site.enrolment-options', siteId: demo.site.id, actorId: demo.admin.id } })).toBe(1);
});

it('a teacher of the platform, another platform’s admin and a collège are refused; nothing changes', async () => {
  const college = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 0 });
  for (const [who, host] of [
    [demo.teacherUser.id, demo.host],
    [other.admin.id, demo.host],
    [college.principal.id, demo.host],
  ] as const) {
    actAs(who, host);
    const res = await saveEnrolmentOptionsAction({ ...input, fairShareSeats: '9' });
    expect(!res.ok && res.error.code).toBe('FORBIDDEN');
  }
  expect((await options(demo.site.id)).fairShareSeats).toBe(2);
});

it('bad input gets French messages and changes nothing', async () => {
  actAs(demo.admin.id, demo.host);
  const res = await saveEnrolmentOptionsAction({ ...input, fairShareSeats: 'deux', conventionReminderDays: '' });
  expect(!res.ok && res.error.fieldErrors).toEqual({
    fairShareSeats: ['Indiquez un nombre de places entre 1 et 50, ou laissez vide.'],
    conventionReminderDays: ['Indiquez un nombre de jours entre 0 et 30.'],
  });
  expect((await options(demo.site.id)).fairShareSeats).toBe(2);
});
