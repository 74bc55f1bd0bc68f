'use client';
// The stage form (create or edit): formation, type, date, hours, schedule detail, capacity, teacher,
// place, audience, description. The publication rules run here (zod schema) and again on the server.
import { Field, SelectField, TextAreaField } from '@/components/ui/Field';
import { Button, ButtonLink } from '@/components/ui/Button';
import { Alert, FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import type { HolidayZone } from '@/lib/reference/academies';
import { holidayWarning, MAX_CAPACITY } from '@/lib/stages/rules';
import { AUDIENCES, SCHEDULE_DETAILS, STAGE_TYPES, stageSchema, type StageFormValues } from '@/lib/stages/schema';
import { monthOf } from '@/lib/stages/time';
import s from './stages.module.css';

export type StageFormProps = {
  /** createStageAction, or updateStageAction (then stageId is set). */
  action: (input: unknown) => Promise<ActionResult<{ id: string; date: string; warning: string | null }>>;
  stageId?: string;
  initial: StageFormValues;
  formations: { id: string; type: string; name: string; active: boolean }[];
  teachers: { id: string; firstName: string; lastName: string; active: boolean }[];
  stageTypes?: string[];
  scheduleDetails?: string[];
  zone: HolidayZone | null;
  cancelHref: string;
};

const unique = (...lists: readonly string[][]) => [...new Set(lists.flat())];

export function StageForm({ action, stageId, initial, formations, teachers, stageTypes = [], scheduleDetails = [], zone, cancelHref }: StageFormProps) {
  const editing = !!stageId;
  const { form, onSubmit, message, errors, field, pending } = useActionForm({
    schema: stageSchema,
    defaultValues: initial,
    action,
    extra: editing ? { id: stageId } : {},
    redirectTo: (d) => (editing ? `/stages/${d.id}?modifie=1` : `/calendrier?mois=${monthOf(d.date)}&publie=${d.id}`),
  });
  const { register, watch } = form;
  const date = watch('date');
  const warning = date ? holidayWarning(date, zone) : null;
  const offered = formations.filter((f) => f.active || f.id === initial.formationId);
  const supervisors = teachers.filter((t) => t.active || t.id === initial.teacherId);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? 'Modifier le stage' : 'Créer un stage'}>
      <FormMessage message={message} />
      <SelectField label="Formation (filière)" options={offered.map((f) => ({ value: f.id, label: `${f.type} ${f.name}` }))} {...field('formationId')}>
        <option value="">Choisissez la formation…</option>
      </SelectField>
      <div className={s.formGrid}>
        <Field label="Type de stage" list="types-de-stage" autoComplete="off" {...field('stageType')} />
        <Field label="Date" type="date" {...field('date')} />
        <Field label="Heure de début" type="time" step={300} {...field('startTime')} />
        <Field label="Heure de fin" type="time" step={300} {...field('endTime')} />
      </div>
      <datalist id="types-de-stage">
        {unique([...STAGE_TYPES], stageTypes).map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {warning ? <Alert tone="warning">{warning}</Alert> : null}
      <p className="muted">Entre 6 h 00 et 20 h 00, 7 heures au plus, ni le dimanche ni un jour férié.</p>
      <Field
        label="Détail des horaires"
        hint="Par exemple « 9 h 00 – 12 h 00 : atelier », ou Matin, Après-midi, Journée."
        list="details-horaires"
        autoComplete="off"
        {...field('scheduleDetail')}
      />
      <datalist id="details-horaires">
        {unique([...SCHEDULE_DETAILS], scheduleDetails).map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <div className={s.formGrid}>
        <Field label="Capacité (places)" type="number" min={1} max={MAX_CAPACITY} inputMode="numeric" {...field('capacity', { valueAsNumber: true })} />
        <SelectField label="Enseignant responsable" options={supervisors.map((t) => ({ value: t.id, label: `${t.firstName} ${t.lastName}` }))} {...field('teacherId')}>
          <option value="">— Pas encore désigné —</option>
        </SelectField>
      </div>
      <Field label="Lieu" hint="Salle, atelier, bâtiment." {...field('place')} />
      <fieldset className={s.fieldset} aria-describedby={errors.audience ? 'public-erreur' : undefined}>
        <legend>Public</legend>
        <div className={s.checks}>
          {AUDIENCES.map((a) => (
            <label key={a}>
              <input type="checkbox" value={a} {...register('audience')} /> {a}
            </label>
          ))}
        </div>
        {errors.audience ? (
          <p id="public-erreur" role="alert" className="muted">
            {errors.audience.message ?? 'Public inconnu.'}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField label="Description" rows={4} hint="Ce que les élèves découvriront, la tenue à prévoir…" {...field('description')} />
      <div className={s.actions}>
        <Button type="submit" pending={pending}>
          {editing ? 'Enregistrer les modifications' : 'Publier le stage'}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}
