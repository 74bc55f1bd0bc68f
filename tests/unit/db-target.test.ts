import { databaseTarget } from '@/lib/core/db';

describe('databaseTarget', () => {
  it('defaults to the embedded database under .data/', () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(databaseTarget()).toEqual({ kind: 'pglite', dir: '.data/pglite' });
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
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
