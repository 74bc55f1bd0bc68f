'use client';
// « Annuler le stage »: the reason is sent to the collèges and families; a confirmation says who is told.
import { TextAreaField } from '@/components/ui/Field';
import { Button, ButtonLink } from '@/components/ui/Button';
import { Alert, FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { cancelStageSchema } from '@/lib/stages/schema';
import s from './stages.module.css';

export function CancelForm({ action, stageId, enrolled }: { action: (input: unknown) => Promise<ActionResult<{ emails: number }>>; stageId: string; enrolled: number }) {
  const { form, onSubmit, message, errors, pending } = useActionForm({
    schema: cancelStageSchema,
    defaultValues: { id: stageId, reason: '' },
    action,
    redirectTo: (d) => `/stages/${stageId}?annule=${d.emails}`,
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Annuler le stage" className={s.narrow}>
      <FormMessage message={message} />
      <Alert tone="warning" title="Cette action est définitive.">
        {enrolled
          ? `${enrolled} élève${enrolled > 1 ? 's sont inscrits' : ' est inscrit'} : ${enrolled > 1 ? 'leurs inscriptions seront annulées' : 'son inscription sera annulée'}, et un email avec le motif sera envoyé au personnel du collège qui les a inscrits et aux responsables légaux dont l’adresse est connue.`
          : 'Aucun élève n’est inscrit : le stage sera simplement marqué « Annulé » dans le calendrier.'}
      </Alert>
      <TextAreaField
        label="Motif de l’annulation"
        rows={3}
        hint="Il figure dans l’email envoyé aux familles et aux collèges."
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div className={s.actions}>
        <Button type="submit" variant="danger" pending={pending}>
          Annuler le stage
        </Button>
        <ButtonLink href={`/stages/${stageId}`} variant="secondary">
          Revenir au stage
        </ButtonLink>
      </div>
    </form>
  );
}
