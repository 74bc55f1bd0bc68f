// Puts a server action's fieldErrors next to react-hook-form's fields.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import type { ActionError } from '@/lib/core/action-types';

export function applyServerErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>): void {
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (field !== '_form' && messages[0]) setError(field as Path<T>, { type: 'server', message: messages[0] });
  }
}

// zod 4 probes for eval (new Function) to compile schemas; the CSP forbids eval (proxy.ts), so the
// browser would report a violation on every form page. The interpreted parser is as correct.
z.config({ jitless: true });
