'use client';
// A delete button that asks for confirmation and says what will happen.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import type { ActionResult } from '@/lib/core/action-types';

export function DeleteButton({ action, id, label, confirm }: { action: (input: unknown) => Promise<ActionResult<unknown>>; id: string; label: string; confirm: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) return <Button type="button" variant="secondary" small onClick={() => setAsking(true)}>{label}</Button>;
  return (
    <span role="group" aria-label="Confirmation">
      <span>{confirm} </span>
      <Button
        type="button" variant="danger" small pending={pending}
        onClick={async () => {
          setPending(true);
          const res = await action({ id });
          setPending(false);
          if (!res.ok) return setError(res.error.message);
          setAsking(false);
          router.refresh();
        }}
      >
        Confirmer
      </Button>{' '}
      <Button type="button" variant="secondary" small onClick={() => { setAsking(false); setError(null); }}>Annuler</Button>
      {error ? <span role="alert" className="muted"> {error}</span> : null}
    </span>
  );
}
