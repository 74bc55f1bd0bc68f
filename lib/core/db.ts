import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** The client handed to a `$transaction(async (tx) => …)` callback. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type DbTarget = { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };

/** Reads DATABASE_URL: unset → PGlite in .data/pglite; `pglite:<dir>` | `pglite:memory` | `postgres(ql)://…`. */
export function databaseTarget(url = process.env.DATABASE_URL): DbTarget {
  if (!url) return { kind: 'pglite', dir: '.data/pglite' };
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length);
    return { kind: 'pglite', dir: dir === 'memory' ? null : dir };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new Error(`DATABASE_URL non reconnue : « ${url} ». Attendu : pglite:<dossier>, pglite:memory ou postgres://…`);
}

/** PGlite runs one transaction at a time: queued time must not count against a 2 s maxWait. */
const PGLITE_TX = { maxWait: 30_000, timeout: 30_000 };

export function createPrisma(target: DbTarget = databaseTarget()): { prisma: PrismaClient; pglite?: PGlite } {
  if (target.kind === 'pglite') {
    const pglite = new PGlite(target.dir ?? undefined);
    return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: PGLITE_TX }), pglite };
  }
  return { prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) }) };
}

/** Tests install their own client (a fresh database per file) with `setPrisma`. */
const g = globalThis as unknown as { __ministagePrisma?: PrismaClient };

function getPrisma(): PrismaClient {
  g.__ministagePrisma ??= createPrisma().prisma;
  return g.__ministagePrisma;
}

export function setPrisma(client: PrismaClient | undefined) {
  g.__ministagePrisma = client;
}

/** The application's PrismaClient (lazy: nothing opens the database at import time). */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const client = getPrisma() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
