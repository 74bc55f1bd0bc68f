// A fresh database per test file, with the real migrations applied.
// DATABASE_URL=postgres://… (npm run test:postgres) → a new schema-isolated database on that server;
// otherwise an in-memory PGlite.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { setPrisma } from '@/lib/core/db';

function migrationSql(): string[] {
  const dir = join(process.cwd(), 'prisma/migrations');
  return readdirSync(dir)
    .filter((d) => !d.endsWith('.toml'))
    .sort()
    .map((m) => readFileSync(join(dir, m, 'migration.sql'), 'utf8'));
}

export type TestDb = { prisma: PrismaClient; close: () => Promise<void> };

/** Creates the database, installs it as the app's client (lib/core/db) and returns it. */
async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    for (const sql of migrationSql()) await client.query(sql);
    await client.end();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl.toString() }) });
    setPrisma(prisma);
    return {
      prisma,
      close: async () => {
        await prisma.$disconnect();
        setPrisma(undefined);
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    transactionOptions: { maxWait: 30_000, timeout: 30_000 },
  });
  setPrisma(prisma);
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      setPrisma(undefined);
      await pglite.close();
    },
  };
}

/** Use in a describe/file: `const db = useTestDb();` then `db().prisma` inside tests. */
export function useTestDb(): () => TestDb {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('test database not ready');
    return db;
  };
}
