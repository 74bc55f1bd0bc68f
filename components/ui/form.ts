// Puts a server action's fieldErrors next to react-hook-form's fields, and binds a field to its input.
import {
  get,
  type FieldErrors,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormRegister,
  type UseFormRegisterReturn,
  type UseFormSetError,
} from 'react-hook-form';
import { z } from 'zod';
import type { ActionError } from '@/lib/core/action-types';
import '@/lib/core/zod-fr'; // zod's default messages in French (a check without its own message)

export function applyServerErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>): void {
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (field !== '_form' && messages[0]) setError(field as Path<T>, { type: 'server', message: messages[0] });
  }
}

/** What a Field (or a field group) takes for one input: its registration and its error message. */
export type FieldBinding = UseFormRegisterReturn & { error?: string };

/** `field(name)` → `{...register(name), error}`: one input's props, so a field is one short line. */
export function fieldBinder<T extends FieldValues>(register: UseFormRegister<T>, errors: FieldErrors<T>) {
  return <N extends Path<T>>(name: N, options?: RegisterOptions<T, N>): FieldBinding => ({
    ...register(name, options),
    error: (get(errors, name) as { message?: string } | undefined)?.message,
  });
}

// zod 4 probes for eval (new Function) to compile schemas; the CSP forbids eval (proxy.ts), so the
// browser would report a violation on every form page. The interpreted parser is as correct.
z.config({ jitless: true });
