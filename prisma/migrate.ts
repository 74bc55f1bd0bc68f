// The migration tool (Prisma's WASM schema engine: no native binary needed offline).
//   npm run db:migrate                       apply prisma/migrations to DATABASE_URL (idempotent)
//   npm run db:migration -- --name <name>    write a new migration from schema changes
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { databaseTarget, type DbTarget } from '../lib/core/db.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SCHEMA = join(ROOT, 'prisma/schema.prisma');
const MIGRATIONS = join(ROOT, 'prisma/migrations');
const filters = { externalTables: [], externalEnums: [] };

type Engine = {
  applyMigrations(p: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(p: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
};

async function loadEngine() {
  const pkg = '@prisma/schema-engine-wasm/schema_engine_bg';
  const runtime = await import(pkg);
  const wasmPath = join(dirname(require.resolve(pkg)), 'schema_engine_bg.wasm');
  const mod = new WebAssembly.Module(await readFile(wasmPath));
  const inst = new WebAssembly.Instance(mod, { './schema_engine_bg.js': runtime });
  runtime.__wbg_set_wasm(inst.exports);
  (inst.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return runtime;
}

async function adapterFor(target: DbTarget) {
  if (target.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    if (target.dir) await mkdir(target.dir, { recursive: true });
    const db = new PGlite(target.dir ?? undefined);
    await db.waitReady;
    return { factory: new PrismaPGlite(db), close: () => db.close() };
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  return { factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
}

async function withEngine<T>(target: DbTarget, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const runtime = await loadEngine();
  const { factory, close } = await adapterFor(target);
  const engine: Engine = await runtime.SchemaEngine.new(
    { datamodels: undefined },
    (log: string) => process.env.SE_LOG && console.error(log),
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await close();
  }
}

/** The migration folders, in order, with their SQL (what `prisma migrate deploy` reads). */
export async function readMigrations() {
  const dirs = existsSync(MIGRATIONS)
    ? (await readdir(MIGRATIONS, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return Promise.all(dirs.map(async (name) => ({ name, sql: await readFile(join(MIGRATIONS, name, 'migration.sql'), 'utf8') })));
}

async function migrationsList() {
  const lock = join(MIGRATIONS, 'migration_lock.toml');
  const migrations = await readMigrations();
  return {
    baseDir: MIGRATIONS,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lock) ? await readFile(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
  };
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function deployMigrations(target: DbTarget = databaseTarget()): Promise<string[]> {
  const list = await migrationsList();
  const out = await withEngine(target, (e) => e.applyMigrations({ migrationsList: list, filters }));
  return out.appliedMigrationNames;
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema's changes. */
export async function createMigration(name: string): Promise<string | null> {
  const files = [{ path: SCHEMA, content: await readFile(SCHEMA, 'utf8') }];
  const list = await migrationsList();
  const sql = await withEngine({ kind: 'pglite', dir: null }, async (engine) => {
    if (list.migrationDirectories.length) await engine.applyMigrations({ migrationsList: list, filters });
    const diff = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: dirname(SCHEMA) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters,
    });
    return diff.exitCode === 0 ? null : diff.stdout;
  });
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = join(MIGRATIONS, `${stamp}_${name.replace(/\W+/g, '_').toLowerCase()}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  const lock = join(MIGRATIONS, 'migration_lock.toml');
  if (!existsSync(lock)) {
    await writeFile(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd === 'deploy') {
    const applied = await deployMigrations();
    console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base de données à jour : aucune migration à appliquer.');
  } else if (cmd === 'dev') {
    const i = rest.indexOf('--name');
    const name = i >= 0 ? rest[i + 1] : rest[0];
    if (!name) throw new Error('Nom de migration manquant : npm run db:migration -- --name <nom>');
    const dir = await createMigration(name);
    console.log(dir ? `Migration créée : ${dir}` : 'Aucun changement dans prisma/schema.prisma.');
  } else {
    throw new Error('Usage : tsx prisma/migrate.ts deploy | dev --name <nom>');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0), // the wasm engine and pg pool keep the loop alive otherwise
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
