// Errors that carry a French message meant for the user. Anything else is "unexpected".
export type ErrorCode = 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'EXPIRED' | 'UNAVAILABLE' | 'UNEXPECTED';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = (what = 'Élément') => new AppError('NOT_FOUND', `${what} introuvable. Il a peut-être été supprimé, ou il ne dépend pas de votre établissement.`);

export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action. Adressez-vous à votre chef d'établissement.") =>
  new AppError('FORBIDDEN', message);

export const conflict = (message: string, fieldErrors?: FieldErrors) => new AppError('CONFLICT', message, fieldErrors);

export const invalid = (message: string, fieldErrors?: FieldErrors) => new AppError('VALIDATION', message, fieldErrors);

/** Prisma's "unique constraint failed" (P2002), across adapters. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'P2002' || /unique constraint/i.test(e?.message ?? '');
}

/** Prisma's foreign-key refusal (P2003) or a restrict violation. */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'P2003' || /foreign key constraint/i.test(e?.message ?? '');
}

// ── The database out of reach ────────────────────────────────────────────────────────────────

/** What the person reads when the database cannot be reached (stopped, restarting, its connections cut). */
export const DATABASE_UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';

/** Prisma: P1001 server unreachable, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 no connection from the pool in time. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** @prisma/adapter-pg's DriverAdapterError kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** SQLSTATE: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections. */
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
/** Node's socket errors (pg passes them on). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg's own errors, which carry no code (a connection cut mid-query, the pool's connection timeout), and Prisma's wait for a transaction. */
const MESSAGES =
  /Connection terminated|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Unable to start a transaction in the given time/i;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
};

/**
 * Whether an error means the database is out of reach (PostgreSQL stopped or restarting, a connection
 * cut, the pool exhausted) rather than a refusal or a bug: across Prisma's codes, the adapter's kinds,
 * SQLSTATEs, socket codes and pg's messages, following `cause` and AggregateError's `errors`.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.test(code)) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || SQLSTATES.test(String(cause.originalCode ?? '')))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * An error for the log without its message, which may quote a row (Prisma's validation errors print the
 * query's arguments: a signer's name, an email): its class, its Prisma code, the SQLSTATE or the
 * adapter's kind. « PrismaClientKnownRequestError P2002 », « Error ECONNREFUSED », « TypeError ».
 */
export function errorSummary(err: unknown): string {
  if (!err || typeof err !== 'object') return typeof err;
  const e = err as ErrorLike;
  const name = typeof e.name === 'string' && e.name ? e.name : (err.constructor?.name ?? 'Error');
  const cause = e.meta?.driverAdapterError?.cause;
  const parts = [
    name,
    typeof e.code === 'string' ? e.code : null,
    cause?.originalCode ? `SQLSTATE ${String(cause.originalCode)}` : null,
    cause?.kind ? String(cause.kind) : null,
  ];
  return parts.filter(Boolean).join(' ');
}
