// Options of a platform (site:manage) and the collège's « Informations de l'Établissement »
// (establishment:edit-info, always its own establishment).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeSite, makeStage, stageDay, type TestCollege, type TestSite } from '../factories/sites';
import { makeUser } from '../factories/people';
import {
  deleteFormationAction,
  deleteTeacherAction,
  saveContactAction,
  saveFormationAction,
  saveTeacherAction,
  updateEstablishmentInfoAction,
  updateSiteOptionsAction,
} from '@/lib/sites/actions';
import { listContacts } from '@/lib/sites/queries';

const db = useTestDb();
let demo: TestSite;
let ormeaux: TestCollege;
let dolto: TestCollege;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  ormeaux = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 0 });
  dolto = await makeCollege(db().prisma, { uai: '0352274G', name: 'Collège Françoise Dolto', pupils: 0 });
});

describe('platform options', () => {
  it('saves the name, the logo and the convention settings', async () => {
    actAs(demo.admin.id, demo.host);
    const res = await updateSiteOptionsAction({
      name: 'Lycée des métiers Démo',
      logoUrl: 'https://lycee.example.fr/logo.png',
      conventionReturn: 'Par courrier au secrétariat.',
      conventionText: 'Tenue de travail fournie.',
    });
    expect(res.ok).toBe(true);
    const site = await db().prisma.site.findUniqueOrThrow({ where: { id: demo.site.id } });
    expect([site.name, site.logoUrl, site.conventionReturn, site.conventionText]).toEqual([
      'Lycée des métiers Démo',
      'https://lycee.example.fr/logo.png',
      'Par courrier au secrétariat.',
      'Tenue de travail fournie.',
    ]);
  });

  it('refuses a logo that is not a web address', async () => {
    actAs(demo.admin.id, demo.host);
    const res = await updateSiteOptionsAction({ name: 'X', logoUrl: 'javascript:alert(1)', conventionReturn: '', conventionText: '' });
    expect(res.ok ? null : res.error.fieldErrors?.logoUrl).toEqual(['Indiquez une adresse web complète, commençant par https://']);
  });

  it('keeps the contacts in their order, with checked email and phone', async () => {
    actAs(demo.admin.id, demo.host);
    const bad = await saveContactAction({ name: 'Claire Martin', role: 'DDFPT', email: 'pas-un-email', phone: 'abc', position: 1 });
    expect(bad.ok ? null : Object.keys(bad.error.fieldErrors ?? {}).sort()).toEqual(['email', 'phone']);
    await saveContactAction({ name: 'Secrétariat', role: 'Conventions', email: '', phone: '02 99 00 00 00', position: 2 });
    const claire = await saveContactAction({ name: 'Claire Martin', role: 'DDFPT', email: 'Claire.Martin@ac-rennes.fr', phone: '', position: 1 });
    expect(claire.ok).toBe(true);
    expect((await listContacts(demo.site.id)).map((c) => [c.name, c.email])).toEqual([
      ['Claire Martin', 'claire.martin@ac-rennes.fr'],
      ['Secrétariat', null],
    ]);
  });

  it('refuses a formation twice, and deleting one that stages use (archive instead)', async () => {
    actAs(demo.admin.id, demo.host);
    const twice = await saveFormationAction({ type: 'CAP', name: 'Cuisine demo', active: true });
    expect(twice.ok ? null : twice.error.fieldErrors?.name).toEqual(['Cette formation existe déjà sur la plateforme.']);
    await makeStage(db().prisma, demo, { date: stageDay(5), formation: 'cuisine', teacher: 'lambert' });
    const used = await deleteFormationAction({ id: demo.formations.cuisine.id });
    expect(used.ok ? null : used.error.message).toBe('Des stages utilisent cette formation : archivez-la plutôt (elle ne sera plus proposée).');
    expect((await saveFormationAction({ id: demo.formations.cuisine.id, type: 'CAP', name: 'Cuisine demo', active: false })).ok).toBe(true);
    const fresh = await saveFormationAction({ type: 'BTS', name: 'Électrotechnique', active: true });
    expect(fresh.ok && (await deleteFormationAction({ id: fresh.data.id })).ok).toBe(true);
  });

  it('keeps a teacher who supervises stages', async () => {
    actAs(demo.admin.id, demo.host);
    const res = await deleteTeacherAction({ id: demo.teachers.lambert.id });
    expect(res.ok ? null : res.error.code).toBe('CONFLICT');
    const added = await saveTeacherAction({ firstName: 'Karim', lastName: 'Haddad', email: '', active: true });
    expect(added.ok).toBe(true);
  });

  it('is read-only for the platform’s teachers', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const res = await saveTeacherAction({ firstName: 'Anne', lastName: 'Guillou', email: '', active: true });
    expect(res.ok ? null : res.error.code).toBe('FORBIDDEN');
  });
});

describe('Informations de l’Établissement (collège)', () => {
  const info = {
    headName: 'Mme Nathalie Le Bihan',
    headTitle: 'Principale',
    publicEmail: 'Ce.0350033W@ac-rennes.fr',
    publicPhone: '02 99 11 22 33',
    insurer: 'MAIF',
    insurancePolicy: '1234567 B',
    address1: '3 rue des Ormeaux',
    address2: '',
    postalCode: '35000',
    city: 'Rennes',
  };

  it('lets the principal correct the collège’s own information, from a lycée platform', async () => {
    actAs(ormeaux.principal.id, demo.host);
    expect((await updateEstablishmentInfoAction(info)).ok).toBe(true);
    const e = await db().prisma.establishment.findUniqueOrThrow({ where: { id: ormeaux.est.id } });
    expect([e.headName, e.headTitle, e.publicEmail, e.insurer, e.insurancePolicy, e.address1, e.address2, e.postalCode]).toEqual([
      'Mme Nathalie Le Bihan',
      'Principale',
      'ce.0350033w@ac-rennes.fr',
      'MAIF',
      '1234567 B',
      '3 rue des Ormeaux',
      null,
      '35000',
    ]);
    const other = await db().prisma.establishment.findUniqueOrThrow({ where: { id: dolto.est.id } });
    expect(other.headName).toBeNull();
    expect(await db().prisma.auditEntry.count({ where: { action: 'establishment.edit-info', establishmentId: ormeaux.est.id } })).toBe(1);
  });

  it('checks the postal code', async () => {
    actAs(ormeaux.principal.id, demo.host);
    const res = await updateEstablishmentInfoAction({ ...info, postalCode: '350' });
    expect(res.ok ? null : res.error.fieldErrors?.postalCode).toEqual(['Le code postal comporte 5 chiffres.']);
  });

  it('lets the platform’s administrator correct the lycée’s information (printed on its conventions), never a collège’s', async () => {
    actAs(demo.admin.id, demo.host);
    expect((await updateEstablishmentInfoAction({ ...info, headName: 'Mme Sophie Le Gall', headTitle: 'Proviseure' })).ok).toBe(true);
    const lycee = await db().prisma.establishment.findFirstOrThrow({ where: { site: { id: demo.site.id } } });
    expect([lycee.headName, lycee.headTitle]).toEqual(['Mme Sophie Le Gall', 'Proviseure']);
    expect((await db().prisma.establishment.findUniqueOrThrow({ where: { id: ormeaux.est.id } })).headName).not.toBe('Mme Sophie Le Gall');
    expect(await db().prisma.auditEntry.count({ where: { action: 'establishment.edit-info', establishmentId: lycee.id, actorId: demo.admin.id } })).toBe(1);
  });

  it('is refused to the lycée’s teachers and to a main teacher', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const teacher = await updateEstablishmentInfoAction(info);
    expect(teacher.ok ? null : teacher.error.code).toBe('FORBIDDEN');
    const pp = await makeUser(db().prisma, { email: 'marie.leroy@ac-rennes.fr' });
    await db().prisma.membership.create({ data: { userId: pp.id, establishmentId: ormeaux.est.id, role: 'MAIN_TEACHER', status: 'ACTIVE' } });
    actAs(pp.id, demo.host);
    const res = await updateEstablishmentInfoAction(info);
    expect(res.ok ? null : res.error.code).toBe('FORBIDDEN');
  });
});
