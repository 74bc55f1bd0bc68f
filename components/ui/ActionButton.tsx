'use client';
// The one confirm-and-act button: runs a server action, with an inline confirmation for destructive
// acts (« Confirmer » / « Annuler ») and the result announced next to it.
import { useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import { markActed } from '@/lib/core/acted';
import type { ActionResult } from '@/lib/core/action-types';
import s from './ui.module.css';

export type ActionButtonProps<I> = {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: ReactNode;
  /** When set, a first click asks this question, with « Confirmer » / « Annuler ». */
  confirm?: ReactNode;
  confirmLabel?: string;
  success?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  small?: boolean;
  /** Where to go after success (e.g. back to the list after deleting the page's subject). */
  redirectTo?: string;
};

export function ActionButton<I>({
  action,
  input,
  label,
  confirm,
  confirmLabel = 'Confirmer',
  success,
  variant = 'secondary',
  small = true,
  redirectTo,
}: ActionButtonProps<I>) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const run = () =>
    start(async () => {
      setResult(null);
      const res = await action(input);
      setAsking(false);
      if (!res.ok) return setResult({ ok: false, text: res.error.message });
      markActed(); // their next pages read the database, whichever server answers (lib/core/acted.ts)
      if (success) setResult({ ok: true, text: success });
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    });

  return (
    <div className={s.actionButton}>
      {asking ? (
        <div className={s.actionConfirm} role="group" aria-label="Confirmation">
          <p>{confirm}</p>
          <Button type="button" variant="danger" small pending={pending} onClick={run}>
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" small onClick={() => setAsking(false)}>
            Annuler
          </Button>
        </div>
      ) : (
        <Button type="button" variant={variant} small={small} pending={pending} onClick={() => (confirm ? setAsking(true) : run())}>
          {label}
        </Button>
      )}
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? s.actionOk : s.actionError}>
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
