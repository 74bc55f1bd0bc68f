import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { errorSummary } from './errors.ts';

/** Also here, for the modules that log a database error (its home is lib/core/errors.ts). */
export { errorSummary };

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

/**
 * The pool of @prisma/adapter-pg (pg.Pool) on PostgreSQL. A connection the server ended (a restart,
 * `pg_terminate_backend`) is dropped by the pool — idle: on its 'error'; in use: when released after
 * the failed query — and the next query opens a new one: the app recovers by itself when PostgreSQL
 * returns, with the same client. A connection attempt gives up after 5 s (a server that does not answer
 * would otherwise hold the request without end), idle connections close after 30 s, TCP keep-alive
 * notices a peer that vanished.
 */
const PG_POOL = { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000, keepAlive: true } as const;

export function createPrisma(target: DbTarget = databaseTarget()): { prisma: PrismaClient; pglite?: PGlite } {
  if (target.kind === 'pglite') {
    const pglite = new PGlite(target.dir ?? undefined);
    return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: PGLITE_TX }), pglite };
  }
  const adapter = new PrismaPg(
    { connectionString: target.url, ...PG_POOL },
    {
      // An idle connection's error is the pool's 'error' event: without a listener it would end the
      // process. The adapter listens; these say it in the log (without the connection's details).
      onPoolError: (err) => console.warn(`[db] une connexion PostgreSQL inactive s’est fermée (${errorSummary(err)}) : la suivante sera rouverte.`),
      onConnectionError: (err) => console.warn(`[db] une connexion PostgreSQL en cours de transaction s’est fermée (${errorSummary(err)}).`),
    },
  );
  return { prisma: new PrismaClient({ adapter }) };
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
