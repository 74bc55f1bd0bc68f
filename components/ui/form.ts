// Puts a server action's fieldErrors next to react-hook-form's fields.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionError } from '@/lib/core/action-types';

export function applyServerErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>): void {
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (field !== '_form' && messages[0]) setError(field as Path<T>, { type: 'server', message: messages[0] });
  }
}
