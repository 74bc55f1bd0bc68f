// @prisma/adapter-pg runs a migration script statement by statement, split on « ; »: a semicolon in a
// comment cuts a statement in two and the migration fails on PostgreSQL (PGlite runs the file whole).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'prisma/migrations');
const migrations = readdirSync(dir).filter((d) => !d.endsWith('.toml'));

describe('migration scripts', () => {
  it.each(migrations)('%s: no semicolon inside a comment', (m) => {
    const sql = readFileSync(join(dir, m, 'migration.sql'), 'utf8');
    const bad = sql.split('\n').filter((l) => /--.*;/.test(l));
    expect(bad).toEqual([]);
  });
});
