// Errors that carry a French message meant for the user. Anything else is "unexpected".
export type ErrorCode = 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'EXPIRED' | 'UNEXPECTED';

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
