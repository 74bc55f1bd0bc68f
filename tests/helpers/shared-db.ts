// A database that another process can open too (the outbox worker in a child process): a PGlite
// directory in /tmp — one process at a time, so it is closed here before any child opens it — or,
// under `npm run test:postgres` (DATABASE_URL=postgres://…), a fresh database on that server.
// The real migrations are applied, then `seed` writes the test's rows. `url` is the child's
// DATABASE_URL.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createPostgresDatabase, migrationSql } from './db';

export type SharedDb = {
  /** DATABASE_URL for another process: `pglite:<dir>` or `postgres://…/<database>`. */
  url: string;
  /** Deletes it (the PGlite directory, or DROP DATABASE). */
  drop: () => Promise<void>;
};

export async function createSharedDb(seed: (prisma: PrismaClient) => Promise<void>): Promise<SharedDb> {
  const server = process.env.DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//.test(server)) {
    const { url, drop } = await createPostgresDatabase(server);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      await seed(prisma);
    } finally {
      await prisma.$disconnect();
    }
    return { url, drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ministage-shared-db-'));
  const pglite = new PGlite(dir);
  for (const sql of migrationSql()) await pglite.exec(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: { maxWait: 30_000, timeout: 30_000 } });
  try {
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
    await pglite.close();
  }
  return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
