'use client';
// The operator closes a school year: a simulation (counts), then the run, one establishment per
// step with a progress bar; an interrupted run resumes.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import { SelectField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import s from './classes.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

type Progress = { id: string; done: number; total: number; finished: boolean };
type Props = {
  years: { value: number; label: string }[];
  defaultYear: number;
  running: Progress | null;
  startAction: (input: { year: number; dryRun: boolean }) => Promise<ActionResult<{ id: string; dryRun: boolean }>>;
  stepAction: (input: { rolloverId: string }) => Promise<ActionResult<Progress>>;
};

export function RolloverPanel({ years, defaultYear, running, startAction, stepAction }: Props) {
  const router = useRouter();
  const [year, setYear] = useState(defaultYear);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(running);
  const [message, setMessage] = useState<Message>(null);
  const label = years.find((y) => y.value === year)?.label ?? String(year);

  const drive = async (id: string) => {
    for (;;) {
      const res = await stepAction({ rolloverId: id });
      if (!res.ok) return setMessage({ tone: 'error', text: `${res.error.message} Vous pouvez reprendre la clôture : elle repartira où elle s’est arrêtée.` });
      setProgress(res.data);
      if (res.data.finished) {
        setMessage({ tone: 'success', text: `Clôture terminée : ${res.data.done} établissement(s) traité(s).` });
        return router.refresh();
      }
    }
  };
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setMessage(null);
    setConfirming(false);
    try {
      const res = await startAction({ year, dryRun });
      if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
      if (dryRun) {
        setMessage({ tone: 'success', text: `Simulation de la clôture ${label} enregistrée : voyez le détail ci-dessous. Rien n’a été modifié.` });
        return router.refresh();
      }
      await drive(res.data.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <FormMessage message={message} />
      {progress && !progress.finished ? (
        <div role="status" aria-live="polite">
          <label htmlFor="rollover-progress">
            Clôture en cours : {progress.done} / {progress.total || '?'} établissement(s)
          </label>
          <progress id="rollover-progress" className={s.progress} value={progress.done} max={Math.max(progress.total, 1)} />
          {!busy ? (
            <Button
              type="button"
              onClick={async () => {
                setBusy(true);
                try {
                  await drive(progress.id);
                } finally {
                  setBusy(false);
                }
              }}
            >
              Reprendre la clôture
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className={s.inlineForm}>
        <SelectField label="Année scolaire à clôturer" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y.value} value={y.value}>
              {y.label}
            </option>
          ))}
        </SelectField>
        <Button type="button" variant="secondary" pending={busy} onClick={() => run(true)}>
          Simuler la clôture
        </Button>
        <Button type="button" variant="danger" disabled={busy} onClick={() => setConfirming(true)}>
          Clôturer l’année {label}
        </Button>
      </div>
      {confirming ? (
        <div className={s.confirm} role="group" aria-label="Confirmation">
          <p>
            Clôturer l’année {label} ? Les classes de cette année seront supprimées et ses élèves anonymisés (noms, dates de naissance, responsables légaux et comptes
            effacés). Les comptes de l’équipe et les statistiques d’inscription sont conservés. C’est définitif.
          </p>
          <Button type="button" variant="danger" small onClick={() => run(false)}>
            Clôturer définitivement
          </Button>
          <Button type="button" variant="secondary" small onClick={() => setConfirming(false)}>
            Annuler
          </Button>
        </div>
      ) : null}
    </div>
  );
}
