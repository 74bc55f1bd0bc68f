// The <form> of the one form cycle (useActionForm): no browser validation (the shared schema
// speaks), the server's message first, then the fields, then (if named) the submit button.
import type { BaseSyntheticEvent, ReactNode } from 'react';
import { FormMessage } from './Alert';
import { Button } from './Button';
import type { FormMessage as Message } from './useActionForm';

type Props = {
  /** What useActionForm returned. */
  cycle: { onSubmit: (e?: BaseSyntheticEvent) => Promise<void>; message: Message; pending: boolean };
  /** The form's accessible name. */
  label: string;
  className?: string;
  /** The submit button's text; none: the fields place their own. */
  submit?: ReactNode;
  children: ReactNode;
};

export function ActionForm({ cycle, label, className, submit, children }: Props) {
  return (
    <form onSubmit={cycle.onSubmit} noValidate aria-label={label} className={className}>
      <FormMessage message={cycle.message} />
      {children}
      {submit ? (
        <Button type="submit" pending={cycle.pending}>
          {submit}
        </Button>
      ) : null}
    </form>
  );
}
