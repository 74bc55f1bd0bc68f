import { PERMISSIONS, assertCan, can, type Permission, type Role } from '@/lib/core/permissions';
import { pupilAccess } from '@/lib/classes/access';

const ALL_ROLES: Role[] = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY', 'PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'];
const holders = (p: Permission) => ALL_ROLES.filter((r) => can({ roles: [r] }, p));

describe('the permission table', () => {
  it('lets every member of the pedagogical team manage classes, and nobody else', () => {
    const team: Role[] = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'];
    for (const r of team) expect(can({ roles: [r] }, 'classes:manage')).toBe(true);
    for (const r of ['PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'] as Role[]) expect(can({ roles: [r] }, 'classes:manage')).toBe(false);
  });
  it('keeps platform settings to the lycée administrator', () => {
    expect(can({ roles: ['SITE_ADMIN'] }, 'site:manage')).toBe(true);
    expect(can({ roles: ['SITE_TEACHER'] }, 'site:manage')).toBe(false);
    expect(can({ roles: ['SITE_TEACHER'] }, 'stages:publish')).toBe(true);
  });
  it('refuses the anonymous and the role-less', () => {
    expect(can(null, 'classes:manage')).toBe(false);
    expect(can({ roles: [] }, 'stages:publish')).toBe(false);
  });
  it('throws a French FORBIDDEN error from assertCan', () => {
    expect(() => assertCan({ roles: ['PUPIL'] }, 'team:invite')).toThrow(/droits nécessaires/);
  });
});

describe("the pupils' rows of the table (data of minors: each role only what it needs)", () => {
  it('no longer has one « pupils:manage » for the whole team', () => {
    expect(Object.keys(PERMISSIONS)).not.toContain('pupils:manage');
  });
  it('gives the whole-collège management to the heads, the secretariat and the vie scolaire (CPE)', () => {
    expect(holders('pupils:manage-all')).toEqual(['PRINCIPAL', 'DEPUTY', 'CPE', 'SECRETARY']);
  });
  it('lets the Psy-EN read every pupil, without changing anything', () => {
    expect(holders('pupils:view-all')).toEqual(['PRINCIPAL', 'DEPUTY', 'CPE', 'COUNSELOR', 'SECRETARY']);
    expect(can({ roles: ['COUNSELOR'] }, 'pupils:manage-all')).toBe(false);
    expect(can({ roles: ['COUNSELOR'] }, 'pupils:manage-own-class')).toBe(false);
  });
  it('gives a professeur principal the pupils of their own classes only', () => {
    expect(holders('pupils:manage-own-class')).toEqual(['MAIN_TEACHER']);
    expect(can({ roles: ['MAIN_TEACHER'] }, 'pupils:view-all')).toBe(false);
    expect(can({ roles: ['MAIN_TEACHER'] }, 'pupils:manage-all')).toBe(false);
  });
  it('gives a teacher no pupil permission at all (the class list only)', () => {
    for (const p of Object.keys(PERMISSIONS).filter((k) => k.startsWith('pupils:')) as Permission[]) expect(can({ roles: ['TEACHER'] }, p)).toBe(false);
    expect(can({ roles: ['TEACHER'] }, 'team:view')).toBe(true);
  });
  it('gives nobody outside a collège team a pupil permission', () => {
    for (const p of Object.keys(PERMISSIONS).filter((k) => k.startsWith('pupils:')) as Permission[])
      for (const r of ['PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR'] as Role[]) expect(can({ roles: [r] }, p)).toBe(false);
  });
});

describe('pupilAccess: how far each role reaches, to read and to change', () => {
  it.each([
    ['PRINCIPAL', 'all', 'all'],
    ['DEPUTY', 'all', 'all'],
    ['SECRETARY', 'all', 'all'],
    ['CPE', 'all', 'all'],
    ['COUNSELOR', 'all', null],
    ['MAIN_TEACHER', 'own-class', 'own-class'],
    ['TEACHER', null, null],
    ['PUPIL', null, null],
    ['SITE_ADMIN', null, null],
    ['OPERATOR', null, null],
  ] as const)('%s reads %s and changes %s', (role, view, manage) => {
    expect(pupilAccess({ roles: [role] })).toEqual({ view, manage });
  });
  it('gives nothing to nobody', () => {
    expect(pupilAccess(null)).toEqual({ view: null, manage: null });
  });
});
