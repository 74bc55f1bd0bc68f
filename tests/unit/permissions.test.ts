import { PERMISSIONS, assertCan, can, type Role } from '@/lib/core/permissions';

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
  it('names only known roles', () => {
    const known = new Set(['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY', 'PUPIL', 'SITE_ADMIN', 'SITE_TEACHER', 'OPERATOR']);
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(known.has(r)).toBe(true);
  });
});
