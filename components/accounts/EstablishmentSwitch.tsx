'use client';
// « Vous agissez pour » : a staff member of several collèges picks the one every page acts for.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { chooseEstablishmentAction } from '@/lib/team/actions';
import { headerStyles as s } from '@/components/ui/SiteHeader';

export type EstablishmentChoice = { establishmentId: string; establishmentName: string };

export function EstablishmentSwitch({ choices, current }: { choices: EstablishmentChoice[]; current: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className={s.switch}>
      <label htmlFor="etablissement-actif">Vous agissez pour</label>{' '}
      <select
        id="etablissement-actif"
        value={current}
        disabled={pending}
        aria-describedby={error ? 'etablissement-actif-erreur' : undefined}
        onChange={(e) => {
          const establishmentId = e.target.value;
          setError(null);
          start(async () => {
            const r = await chooseEstablishmentAction({ establishmentId });
            if (!r.ok) setError(r.error.message);
            router.refresh();
          });
        }}
      >
        {choices.map((c) => (
          <option key={c.establishmentId} value={c.establishmentId}>
            {c.establishmentName}
          </option>
        ))}
      </select>
      {error ? (
        <span id="etablissement-actif-erreur" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </span>
  );
}
