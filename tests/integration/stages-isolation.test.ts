// The isolation matrix: the host decides the platform, the session the person, the permission
// table the act. Each action × each person × own/other platform's host × own/other platform's ids.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeSite, makeStage, stageDay, type TestCollege, type TestSite } from '../factories/sites';
import { makeUser } from '../factories/people';
import { cancelStageAction, createStageAction, duplicateStageAction, updateStageAction } from '@/lib/stages/actions';
import {
  deleteContactAction,
  deleteFormationAction,
  deleteTeacherAction,
  inviteSiteStaffAction,
  saveContactAction,
  saveFormationAction,
  saveTeacherAction,
  updateSiteOptionsAction,
} from '@/lib/sites/actions';
import type { ActionResult } from '@/lib/core/action-types';
import { newStageForm } from '@/lib/stages/schema';

const db = useTestDb();
let A: TestSite;
let B: TestSite;
let college: TestCollege;
let operatorId: string;

beforeAll(async () => {
  A = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  B = await makeSite(db().prisma, { slug: 'champagne', uai: '0350709F' });
  college = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 1 });
  operatorId = (await makeUser(db().prisma, { email: 'operateur@ministage.localhost', isOperator: true })).id;
});

/** Fresh rows of a platform for one attempt (so destructive actions can be tried again). */
async function rowsOf(s: TestSite) {
  const p = db().prisma;
  const stage = await makeStage(p, s, { date: stageDay(8) });
  const contact = await p.contact.create({ data: { siteId: s.site.id, name: 'Secrétariat', role: 'Accueil' } });
  const formation = await p.formation.create({ data: { siteId: s.site.id, type: 'CAP', name: `F${Math.random()}` } });
  const teacher = await p.teacher.create({ data: { siteId: s.site.id, firstName: 'T', lastName: `T${Math.random()}` } });
  return { s, stage, contact, formation, teacher };
}
type Rows = Awaited<ReturnType<typeof rowsOf>>;

const stageForm = (r: Rows) => newStageForm(stageDay(10), { formationId: r.s.formations.elec.id, teacherId: r.s.teachers.durand.id });

type Case = { name: string; perm: 'publish' | 'manage'; ids: boolean; run: (r: Rows) => Promise<ActionResult<unknown>>; untouched?: (r: Rows) => Promise<boolean> };

const CASES: Case[] = [
  { name: 'create a stage', perm: 'publish', ids: true, run: (r) => createStageAction(stageForm(r)) },
  {
    name: 'edit a stage',
    perm: 'publish',
    ids: true,
    run: (r) => updateStageAction({ id: r.stage.id, ...stageForm(r), capacity: 3 }),
    untouched: async (r) => (await db().prisma.stage.findUniqueOrThrow({ where: { id: r.stage.id } })).capacity === 10,
  },
  {
    name: 'duplicate a stage',
    perm: 'publish',
    ids: true,
    run: (r) => duplicateStageAction({ id: r.stage.id, mode: 'dates', dates: [stageDay(20)], weekday: 3, until: '' }),
  },
  {
    name: 'cancel a stage',
    perm: 'publish',
    ids: true,
    run: (r) => cancelStageAction({ id: r.stage.id, reason: 'Motif de test.' }),
    untouched: async (r) => (await db().prisma.stage.findUniqueOrThrow({ where: { id: r.stage.id } })).status === 'PUBLISHED',
  },
  {
    name: 'change the options',
    perm: 'manage',
    ids: false,
    run: () => updateSiteOptionsAction({ name: 'Nouveau nom', logoUrl: '', conventionReturn: '', conventionText: '' }),
  },
  {
    name: 'edit a contact',
    perm: 'manage',
    ids: true,
    run: (r) => saveContactAction({ id: r.contact.id, name: 'Pirate', role: 'x', email: '', phone: '', position: 0 }),
    untouched: async (r) => (await db().prisma.contact.findUniqueOrThrow({ where: { id: r.contact.id } })).name === 'Secrétariat',
  },
  {
    name: 'delete a contact',
    perm: 'manage',
    ids: true,
    run: (r) => deleteContactAction({ id: r.contact.id }),
    untouched: async (r) => !!(await db().prisma.contact.findUnique({ where: { id: r.contact.id } })),
  },
  { name: 'edit a formation', perm: 'manage', ids: true, run: (r) => saveFormationAction({ id: r.formation.id, type: 'CAP', name: 'Piratée', active: true }) },
  {
    name: 'delete a formation',
    perm: 'manage',
    ids: true,
    run: (r) => deleteFormationAction({ id: r.formation.id }),
    untouched: async (r) => !!(await db().prisma.formation.findUnique({ where: { id: r.formation.id } })),
  },
  { name: 'edit a teacher', perm: 'manage', ids: true, run: (r) => saveTeacherAction({ id: r.teacher.id, firstName: 'X', lastName: 'Y', email: '', active: true }) },
  { name: 'delete a teacher', perm: 'manage', ids: true, run: (r) => deleteTeacherAction({ id: r.teacher.id }) },
  { name: 'invite staff', perm: 'manage', ids: false, run: () => inviteSiteStaffAction({ email: `n${Math.random()}@ac-rennes.fr`, role: 'TEACHER' }) },
];

const code = (r: ActionResult<unknown>) => (r.ok ? 'OK' : r.error.code);

describe.each(CASES)('$name', (c) => {
  it('is done by the platform’s own staff on its own host (teacher only for stages)', async () => {
    actAs(A.admin.id, A.host);
    expect(code(await c.run(await rowsOf(A)))).toBe('OK');
    actAs(A.teacherUser.id, A.host);
    expect(code(await c.run(await rowsOf(A)))).toBe(c.perm === 'publish' ? 'OK' : 'FORBIDDEN');
  });

  it('is forbidden to the same staff on another platform’s host, even with that platform’s ids', async () => {
    for (const user of [A.admin.id, A.teacherUser.id]) {
      actAs(user, B.host);
      const rows = await rowsOf(B);
      expect(code(await c.run(rows))).toBe('FORBIDDEN');
      if (c.untouched) expect(await c.untouched(rows)).toBe(true);
    }
  });

  if (c.ids) {
    it('finds nothing when staff post another platform’s ids to their own host', async () => {
      actAs(A.admin.id, A.host);
      const rows = await rowsOf(B);
      expect(code(await c.run(rows))).toBe('NOT_FOUND');
      if (c.untouched) expect(await c.untouched(rows)).toBe(true);
    });
  }

  it.each([
    ['a collège principal', () => college.principal.id, 'FORBIDDEN'],
    ['the platform operator', () => operatorId, 'FORBIDDEN'],
    ['another platform’s admin', () => B.admin.id, 'FORBIDDEN'],
    ['an anonymous visitor', () => null, 'UNAUTHENTICATED'],
  ])('is refused to %s on the platform’s host', async (_who, user, expected) => {
    actAs(user(), A.host);
    const rows = await rowsOf(A);
    expect(code(await c.run(rows))).toBe(expected);
    if (c.untouched) expect(await c.untouched(rows)).toBe(true);
  });

  it('finds no platform on the portal’s host', async () => {
    actAs(A.admin.id, 'localhost');
    expect(code(await c.run(await rowsOf(A)))).toBe('NOT_FOUND');
  });
});

describe('the platform name after the matrix', () => {
  it('was changed only by its own admin', async () => {
    const [a, b] = await Promise.all([A, B].map((s) => db().prisma.site.findUniqueOrThrow({ where: { id: s.site.id } })));
    expect(a.name).toBe('Nouveau nom');
    expect(b.name).toBe('Lycée champagne');
  });
});
