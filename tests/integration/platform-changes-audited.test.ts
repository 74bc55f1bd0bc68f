// Every change on a lycée's platform writes one AuditEntry in its own transaction: who (actorId),
// what (action, target), where (siteId). Options, contacts, formations and teachers (the platform's
// administrator), stages (its staff), the platform itself (the operator). A refused change writes none.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import type { ActionResult } from '@/lib/core/action-types';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeSite, makeStage, stageDay, type TestSite } from '../factories/sites';
import { makeEstablishment, makeUser } from '../factories/people';
import {
  deleteContactAction,
  deleteFormationAction,
  deleteTeacherAction,
  saveContactAction,
  saveFormationAction,
  saveTeacherAction,
  updateSiteOptionsAction,
} from '@/lib/sites/actions';
import { createPlatformAction, updatePlatformAction } from '@/lib/sites/operator-actions';
import { createStageAction, duplicateStageAction, updateStageAction } from '@/lib/stages/actions';
import { newStageForm } from '@/lib/stages/schema';

const db = useTestDb();
let demo: TestSite;
let other: TestSite;
let operatorId: string;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  other = await makeSite(db().prisma, { slug: 'autre', uai: '0350050P' });
  operatorId = (await makeUser(db().prisma, { email: 'operateur@ministage.localhost', isOperator: true })).id;
  await makeEstablishment(db().prisma, { uai: '0350709F', name: 'Lycée professionnel la Champagne', kind: 'LYCEE', city: 'Vitré' });
});

/** The audit rows of one act on one target, as (who, what, where). */
async function audited(action: string, targetId: string) {
  return db().prisma.auditEntry.findMany({ where: { action, targetId }, select: { actorId: true, action: true, siteId: true, targetType: true, data: true } });
}

function ok<T>(res: ActionResult<T>): T {
  if (!res.ok) throw new Error(`refused: ${res.error.message}`);
  return res.data;
}

describe('the platform’s options (site:manage)', () => {
  it('audits the general options', async () => {
    actAs(demo.admin.id, demo.host);
    ok(await updateSiteOptionsAction({ name: 'Lycée des métiers Démo', logoUrl: '', conventionReturn: 'Au secrétariat.', conventionText: '' }));
    expect(await audited('site.edit-options', demo.site.id)).toEqual([
      {
        actorId: demo.admin.id,
        action: 'site.edit-options',
        siteId: demo.site.id,
        targetType: 'Site',
        data: { name: 'Lycée des métiers Démo', logoUrl: null, conventionReturn: 'Au secrétariat.', conventionText: null },
      },
    ]);
  });

  it('audits a contact added, changed and deleted', async () => {
    actAs(demo.admin.id, demo.host);
    const { id } = ok(await saveContactAction({ name: 'Claire Martin', role: 'DDFPT', email: 'claire.martin@ac-rennes.fr', phone: '', position: 1 }));
    ok(await saveContactAction({ id, name: 'Claire Martin', role: 'Proviseure adjointe', email: '', phone: '', position: 1 }));
    ok(await deleteContactAction({ id }));
    const who = { actorId: demo.admin.id, siteId: demo.site.id, targetType: 'Contact' };
    expect(await audited('contact.create', id)).toEqual([{ ...who, action: 'contact.create', data: { name: 'Claire Martin', role: 'DDFPT' } }]);
    expect(await audited('contact.update', id)).toEqual([{ ...who, action: 'contact.update', data: { name: 'Claire Martin', role: 'Proviseure adjointe' } }]);
    expect(await audited('contact.delete', id)).toEqual([{ ...who, action: 'contact.delete', data: { name: 'Claire Martin', role: 'Proviseure adjointe' } }]);
  });

  it('audits a formation added, archived and deleted', async () => {
    actAs(demo.admin.id, demo.host);
    const { id } = ok(await saveFormationAction({ type: 'BTS', name: 'Électrotechnique', active: true }));
    ok(await saveFormationAction({ id, type: 'BTS', name: 'Électrotechnique', active: false }));
    ok(await deleteFormationAction({ id }));
    const who = { actorId: demo.admin.id, siteId: demo.site.id, targetType: 'Formation' };
    expect(await audited('formation.create', id)).toEqual([{ ...who, action: 'formation.create', data: { type: 'BTS', name: 'Électrotechnique', active: true } }]);
    expect(await audited('formation.update', id)).toEqual([{ ...who, action: 'formation.update', data: { type: 'BTS', name: 'Électrotechnique', active: false } }]);
    expect(await audited('formation.delete', id)).toEqual([{ ...who, action: 'formation.delete', data: { type: 'BTS', name: 'Électrotechnique' } }]);
  });

  it('audits a teacher added, archived and deleted', async () => {
    actAs(demo.admin.id, demo.host);
    const { id } = ok(await saveTeacherAction({ firstName: 'Karim', lastName: 'Haddad', email: 'karim.haddad@ac-rennes.fr', active: true }));
    ok(await saveTeacherAction({ id, firstName: 'Karim', lastName: 'Haddad', email: '', active: false }));
    ok(await deleteTeacherAction({ id }));
    const who = { actorId: demo.admin.id, siteId: demo.site.id, targetType: 'Teacher' };
    expect(await audited('teacher.create', id)).toEqual([{ ...who, action: 'teacher.create', data: { firstName: 'Karim', lastName: 'Haddad', active: true } }]);
    expect(await audited('teacher.update', id)).toEqual([{ ...who, action: 'teacher.update', data: { firstName: 'Karim', lastName: 'Haddad', active: false } }]);
    expect(await audited('teacher.delete', id)).toEqual([{ ...who, action: 'teacher.delete', data: { firstName: 'Karim', lastName: 'Haddad' } }]);
  });

  it('writes nothing for a refused change: read-only teacher, another platform’s row, a duplicate, a formation in use', async () => {
    const before = await db().prisma.auditEntry.count();
    actAs(demo.teacherUser.id, demo.host);
    expect((await saveTeacherAction({ firstName: 'Anne', lastName: 'Guillou', email: '', active: true })).ok).toBe(false);
    actAs(demo.admin.id, demo.host);
    expect((await deleteTeacherAction({ id: other.teachers.durand.id })).ok).toBe(false);
    expect((await saveFormationAction({ id: other.formations.elec.id, type: 'CAP', name: 'Reprise', active: true })).ok).toBe(false);
    expect((await saveFormationAction({ type: 'CAP', name: demo.formations.cuisine.name, active: true })).ok).toBe(false);
    await makeStage(db().prisma, demo, { date: stageDay(5), formation: 'cuisine' });
    expect((await deleteFormationAction({ id: demo.formations.cuisine.id })).ok).toBe(false);
    expect(await db().prisma.auditEntry.count()).toBe(before);
    expect(await db().prisma.teacher.findUnique({ where: { id: other.teachers.durand.id } })).not.toBeNull();
  });
});

describe('stages (stages:publish)', () => {
  const form = (over: Record<string, unknown> = {}) => ({ ...newStageForm(stageDay(10, 3), { formationId: demo.formations.elec.id }), ...over });

  it('audits a stage published, edited and duplicated, by the platform’s teacher', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const { id } = ok(await createStageAction(form()));
    ok(await updateStageAction({ id, ...form({ capacity: 12 }) }));
    const copies = ok(await duplicateStageAction({ id, mode: 'dates', dates: [stageDay(20, 2)], weekday: 3, until: '' }));
    const who = { actorId: demo.teacherUser.id, siteId: demo.site.id, targetType: 'Stage' };
    const fields = { date: form().date, startTime: '09:00', endTime: '12:00', formationId: demo.formations.elec.id };
    expect(await audited('stage.create', id)).toEqual([{ ...who, action: 'stage.create', data: { ...fields, capacity: 8 } }]);
    expect(await audited('stage.update', id)).toEqual([{ ...who, action: 'stage.update', data: { ...fields, capacity: 12, updates: 0 } }]);
    expect(await audited('stage.duplicate', id)).toEqual([{ ...who, action: 'stage.duplicate', data: { copies: copies.created } }]);
  });

  it('writes nothing when the rules refuse the stage', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const before = await db().prisma.auditEntry.count();
    expect((await createStageAction(form({ startTime: '05:00' }))).ok).toBe(false);
    expect(await db().prisma.auditEntry.count()).toBe(before);
  });
});

describe('the platform itself (the operator)', () => {
  it('audits a platform created and then changed', async () => {
    actAs(operatorId, 'localhost');
    const created = ok(
      await createPlatformAction({ uai: '0350709f', name: 'Lycée professionnel la Champagne', slug: 'champagne', domains: 'ministage.lycee-champagne.fr', logoUrl: '' }),
    );
    ok(await updatePlatformAction({ id: created.id, name: 'Lycée la Champagne', slug: 'champagne', domains: '', logoUrl: '', active: false }));
    const lycee = await db().prisma.establishment.findUniqueOrThrow({ where: { uai: '0350709F' } });
    const rows = await db().prisma.auditEntry.findMany({
      where: { targetId: created.id },
      orderBy: { action: 'asc' },
      select: { actorId: true, action: true, siteId: true, establishmentId: true, data: true },
    });
    expect(rows).toEqual([
      {
        actorId: operatorId,
        action: 'platform.create',
        siteId: created.id,
        establishmentId: lycee.id,
        data: { uai: '0350709F', name: 'Lycée professionnel la Champagne', slug: 'champagne', domains: ['ministage.lycee-champagne.fr'] },
      },
      {
        actorId: operatorId,
        action: 'platform.update',
        siteId: created.id,
        establishmentId: null,
        data: { name: 'Lycée la Champagne', slug: 'champagne', logoUrl: null, active: false, domains: [] },
      },
    ]);
  });

  it('writes nothing for a refused platform', async () => {
    actAs(operatorId, 'localhost');
    const before = await db().prisma.auditEntry.count();
    expect((await createPlatformAction({ uai: '0350709F', name: 'Doublon', slug: 'doublon', domains: '', logoUrl: '' })).ok).toBe(false);
    actAs(demo.admin.id, 'localhost');
    expect((await updatePlatformAction({ id: demo.site.id, name: 'Pris', slug: 'demo', domains: '', logoUrl: '', active: true })).ok).toBe(false);
    expect(await db().prisma.auditEntry.count()).toBe(before);
  });
});
