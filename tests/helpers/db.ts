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

/** The real migrations' SQL, in order. */
export function migrationSql(): string[] {
  const dir = join(process.cwd(), 'prisma/migrations');
  return readdirSync(dir)
    .filter((d) => !d.endsWith('.toml'))
    .sort()
    .map((m) => readFileSync(join(dir, m, 'migration.sql'), 'utf8'));
}

export type TestDb = { prisma: PrismaClient; close: () => Promise<void> };

/** A fresh database on the PostgreSQL `server` with the real migrations: its URL, and what drops it. */
export async function createPostgresDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  const drop = async () => {
    const a = new pg.Client({ connectionString: server });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return { url, drop };
}

/** Creates the database, installs it as the app's client (lib/core/db) and returns it. */
async function createTestDb(): Promise<TestDb> {
  const server = process.env.DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//.test(server)) {
    const { url, drop } = await createPostgresDatabase(server);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    setPrisma(prisma);
    return {
      prisma,
      close: async () => {
        await prisma.$disconnect();
        setPrisma(undefined);
        await drop();
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
