'use client';
// « Dupliquer le stage »: to chosen dates, or every given weekday until a date. Each date is checked;
// the report lists the stages created and the dates refused, with the reason.
import { useState } from 'react';
import Link from 'next/link';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert, FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import type { DuplicateReport } from '@/lib/stages/duplicate';
import { duplicateStageSchema } from '@/lib/stages/schema';
import { formatDay } from '@/lib/core/format';
import s from './stages.module.css';

const DAYS = ['', 'lundis', 'mardis', 'mercredis', 'jeudis', 'vendredis', 'samedis'];

export function DuplicateForm({ action, stageId, weekday }: { action: (input: unknown) => Promise<ActionResult<DuplicateReport>>; stageId: string; weekday: number }) {
  const [report, setReport] = useState<DuplicateReport | null>(null);
  const { form, onSubmit, message, errors, pending } = useActionForm({
    schema: duplicateStageSchema,
    action,
    defaultValues: { id: stageId, mode: 'dates', dates: [''], weekday: weekday >= 1 && weekday <= 6 ? weekday : 3, until: '' },
    toInput: (values) => {
      setReport(null);
      return { ...values, dates: values.mode === 'dates' ? values.dates.filter(Boolean) : [] };
    },
    onDone: (data) => setReport(data),
  });
  const { register, watch, getValues, setValue } = form;
  // Keys of the date inputs (react-hook-form's field arrays want objects, these are plain strings).
  const [keys, setKeys] = useState<number[]>([0]);
  const append = () => setKeys((k) => [...k, Math.max(...k) + 1]);
  const remove = (i: number) => {
    const dates = [...(getValues('dates') ?? [])];
    dates.splice(i, 1);
    setValue('dates', dates);
    setKeys((k) => k.filter((_, j) => j !== i));
  };
  const mode = watch('mode');

  return (
    <div className="stack">
      <form onSubmit={onSubmit} noValidate aria-label="Dupliquer le stage">
        <FormMessage message={message} />
        <fieldset className={s.fieldset}>
          <legend>Dupliquer ce stage</legend>
          <label className={s.radio}>
            <input type="radio" value="dates" {...register('mode')} /> À des dates précises
          </label>
          <label className={s.radio}>
            <input type="radio" value="weekly" {...register('mode')} /> Chaque semaine, jusqu’à une date
          </label>
        </fieldset>
        {mode === 'dates' ? (
          <div>
            {keys.map((key, i) => (
              <div key={key} className={s.dateRow}>
                <Field label={`Date ${i + 1}`} type="date" error={errors.dates?.[i]?.message} {...register(`dates.${i}` as const)} />
                {keys.length > 1 ? (
                  <Button type="button" variant="secondary" small onClick={() => remove(i)} aria-label={`Retirer la date ${i + 1}`}>
                    Retirer
                  </Button>
                ) : null}
              </div>
            ))}
            {errors.dates?.message ? (
              <p role="alert" className="muted">
                {errors.dates.message}
              </p>
            ) : null}
            <Button type="button" variant="secondary" small onClick={append}>
              Ajouter une date
            </Button>
          </div>
        ) : (
          <div className={s.formGrid}>
            <SelectField label="Tous les" error={errors.weekday?.message} {...register('weekday', { valueAsNumber: true })}>
              {DAYS.slice(1).map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </SelectField>
            <Field label="Jusqu’au (inclus)" type="date" error={errors.until?.message} {...register('until')} />
          </div>
        )}
        <p>
          <Button type="submit" pending={pending}>
            Dupliquer
          </Button>
        </p>
      </form>
      {report ? <DuplicateResult report={report} /> : null}
    </div>
  );
}

function DuplicateResult({ report }: { report: DuplicateReport }) {
  const n = report.created.length;
  return (
    <section aria-labelledby="resultat-duplication" className="stack">
      <h2 id="resultat-duplication">Résultat</h2>
      <Alert tone={n ? 'success' : 'warning'}>
        {n ? `${n} stage${n > 1 ? 's' : ''} créé${n > 1 ? 's' : ''}.` : 'Aucun stage créé.'}
        {report.refused.length ? ` ${report.refused.length} date${report.refused.length > 1 ? 's' : ''} refusée${report.refused.length > 1 ? 's' : ''}.` : ''}
      </Alert>
      {n ? (
        <ul className={s.report} aria-label="Stages créés">
          {report.created.map((c) => (
            <li key={c.id}>
              <Link href={`/stages/${c.id}`}>{formatDay(c.date)}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {report.refused.length ? (
        <ul className={s.report} aria-label="Dates refusées">
          {report.refused.map((r, i) => (
            <li key={`${r.date}-${i}`}>
              <strong>{/^\d{4}-\d{2}-\d{2}$/.test(r.date) ? formatDay(r.date) : r.date}</strong> : {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {report.warnings.map((w) => (
        <Alert key={w.date} tone="warning">
          {w.message}
        </Alert>
      ))}
    </section>
  );
}
