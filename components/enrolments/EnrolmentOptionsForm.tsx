'use client';
// Options › Inscriptions: the fair share of a stage's seats between collèges, the convention
// reminder, what the convocation asks pupils to bring.
import { Field, TextAreaField } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
import { useActionForm } from '@/components/ui/useActionForm';
import { saveEnrolmentOptionsAction } from '@/lib/enrolments/actions';
import { enrolmentOptionsSchema } from '@/lib/enrolments/schema';
import s from './enrolments.module.css';

export type EnrolmentOptionsValues = { fairShareSeats: string; fairShareDays: string; conventionReminderDays: string; convocationNote: string };

const HINTS = {
  share:
    'Pour qu’un seul collège ne prenne pas toutes les places d’un stage : chaque collège prend au plus ce nombre de places par stage, jusqu’à quelques jours avant le stage ; ensuite, les places restantes sont ouvertes à tous. Laissez vide pour ne pas limiter.',
  reminder: 'Le collège reçoit un rappel si la convention n’est pas signée ce nombre de jours avant le stage (0 : le jour même).',
  bring: 'Par exemple : carnet de correspondance, chaussures de sécurité, tenue de cuisine. Vide : le texte par défaut.',
};

export function EnrolmentOptionsForm({ initial }: { initial: EnrolmentOptionsValues }) {
  const cycle = useActionForm({
    schema: enrolmentOptionsSchema,
    defaultValues: initial,
    action: saveEnrolmentOptionsAction,
    success: 'Les options d’inscription sont enregistrées.',
  });
  const { field } = cycle;
  return (
    <ActionForm cycle={cycle} label="Options d’inscription" className="stack" submit="Enregistrer">
      <fieldset className={s.picker}>
        <legend>Partage équitable des places</legend>
        <p className="muted">{HINTS.share}</p>
        <div className={s.grid}>
          <Field label="Places par collège et par stage" inputMode="numeric" hint="Par exemple 2 (sur 8 places)." {...field('fairShareSeats')} />
          <Field
            label="Jusqu’à combien de jours avant le stage"
            inputMode="numeric"
            hint="Par exemple 7 : la limite tombe une semaine avant."
            {...field('fairShareDays')}
          />
        </div>
      </fieldset>
      <Field label="Relance des conventions (jours avant le stage)" inputMode="numeric" hint={HINTS.reminder} {...field('conventionReminderDays')} />
      <TextAreaField label="À apporter (imprimé sur la convocation)" rows={3} hint={HINTS.bring} {...field('convocationNote')} />
    </ActionForm>
  );
}
