// Result types of server actions, importable by client components.
import type { ErrorCode, FieldErrors } from './errors.ts';

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
