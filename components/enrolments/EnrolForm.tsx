'use client';
// « Inscrire un stagiaire »: the member's pupils (search by name, filter by class, several at once),
// or a pupil typed in for a collège not yet using classes. One line of result per pupil.
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Checkbox, Field, SelectField } from '@/components/ui/Field';
import { Alert, FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import { enrolAction } from '@/lib/enrolments/actions';
import { enrolFormSchema, toEnrolInput } from '@/lib/enrolments/schema';
import { LEVELS } from '@/lib/classes/schema';
import type { EnrolResult } from '@/lib/enrolments/service';
import s from './enrolments.module.css';

export type PickablePupil = { id: string; name: string; classId: string | null; className: string; eligible: string | null };

const TONE = { CONFIRMED: 'success', WAITING: 'warning', REFUSED: 'error' } as const;

const empty = (typeIn: boolean) => ({ pupilIds: [], typeIn, newPupil: { lastName: '', firstName: '', level: '', classLabel: '', birthDate: '' } });

export function EnrolForm(props: { stageId: string; pupils: PickablePupil[]; classes: { id: string; name: string }[]; full: boolean; canType: boolean }) {
  const { stageId, pupils, classes, full, canType } = props;
  const [results, setResults] = useState<EnrolResult[] | null>(null);
  const [query, setQuery] = useState('');
  const [classId, setClassId] = useState('');
  const { form, onSubmit, message, errors, field, pending } = useActionForm({
    schema: enrolFormSchema,
    defaultValues: empty(canType && pupils.length === 0),
    action: enrolAction,
    toInput: (v) => toEnrolInput(stageId, v, full),
    onDone: (data: { results: EnrolResult[] }, _v, f) => {
      setResults(data.results);
      f.reset(empty(canType && pupils.length === 0));
    },
  });
  const chosen = form.watch('pupilIds') ?? [];
  const typeIn = form.watch('typeIn');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('fr');
    return pupils.filter((p) => (!classId || p.classId === classId || (classId === 'none' && !p.classId)) && (!q || p.name.toLocaleLowerCase('fr').includes(q)));
  }, [pupils, query, classId]);
  const toggle = (id: string, on: boolean) =>
    form.setValue('pupilIds', on ? [...chosen, id] : chosen.filter((c) => c !== id), { shouldValidate: form.formState.isSubmitted });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Inscrire un stagiaire">
      {results ? (
        <Alert
          tone={results.every((r) => r.outcome === 'CONFIRMED') ? 'success' : results.some((r) => r.outcome !== 'REFUSED') ? 'warning' : 'error'}
          title="Résultat de l’inscription"
        >
          <ul className={s.results}>
            {results.map((r, i) => (
              <li key={i} data-outcome={TONE[r.outcome]}>
                {r.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <FormMessage message={message} />
      {pupils.length > 0 ? (
        <fieldset className={s.picker}>
          <legend>Vos élèves</legend>
          <div className={s.filters}>
            <Field label="Rechercher un élève" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
            <SelectField
              label="Classe"
              value={classId}
              onChange={(e) => setClassId(e.target.value)}
              options={[{ value: '', label: 'Toutes les classes' }, ...classes.map((c) => ({ value: c.id, label: c.name })), { value: 'none', label: 'Sans classe' }]}
            />
          </div>
          <p className="muted" aria-live="polite">
            {chosen.length === 0 ? 'Aucun élève choisi.' : `${chosen.length} élève${chosen.length > 1 ? 's' : ''} choisi${chosen.length > 1 ? 's' : ''}.`}
          </p>
          <ul className={s.pupilList}>
            {shown.map((p) => (
              <li key={p.id}>
                <Checkbox
                  label={
                    <>
                      {p.name} <span className="muted">— {p.className}</span>
                      {p.eligible ? <span className={s.ineligible}> {p.eligible}</span> : null}
                    </>
                  }
                  checked={chosen.includes(p.id)}
                  disabled={!!p.eligible}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
              </li>
            ))}
            {shown.length === 0 ? <li className="muted">Aucun élève ne correspond à la recherche.</li> : null}
          </ul>
          {errors.pupilIds?.message ? (
            <p className={s.error} role="alert">
              {errors.pupilIds.message}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {canType ? <Checkbox label="Saisir un élève qui n’est pas dans la liste (collège sans classes sur la plateforme)" {...form.register('typeIn')} /> : null}
      {!canType && pupils.length === 0 ? (
        <p className="muted">Aucun de vos élèves ne peut être inscrit à ce stage : ils y sont déjà, ou vous n’avez pas encore d’élèves dans vos classes.</p>
      ) : null}
      {typeIn ? (
        <fieldset className={s.picker}>
          <legend>Élève à inscrire</legend>
          <div className={s.grid}>
            <Field label="Nom" autoComplete="off" {...field('newPupil.lastName')} />
            <Field label="Prénom" autoComplete="off" {...field('newPupil.firstName')} />
            <SelectField label="Niveau" options={[{ value: '', label: 'Choisir…' }, ...LEVELS]} {...field('newPupil.level')} />
            <Field label="Classe" hint="Par exemple 3e B (facultatif)." autoComplete="off" {...field('newPupil.classLabel')} />
            <Field label="Date de naissance" type="date" {...field('newPupil.birthDate')} />
          </div>
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" pending={pending}>
          {full ? 'Inscrire en liste d’attente' : 'Inscrire'}
        </Button>
      </div>
    </form>
  );
}
