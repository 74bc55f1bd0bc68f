import { databaseTarget } from '@/lib/core/db';

describe('databaseTarget', () => {
  it('defaults to the embedded database under .data/', () => {
    expect(databaseTarget(undefined)).toEqual({ kind: 'pglite', dir: '.data/pglite' });
  });
  it('reads pglite:memory, pglite:<dir> and postgres URLs', () => {
    expect(databaseTarget('pglite:memory')).toEqual({ kind: 'pglite', dir: null });
    expect(databaseTarget('pglite:/tmp/x')).toEqual({ kind: 'pglite', dir: '/tmp/x' });
    expect(databaseTarget('postgres://u@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });
  it('refuses anything else with a French message', () => {
    expect(() => databaseTarget('mysql://x')).toThrow(/DATABASE_URL non reconnue/);
  });
});
