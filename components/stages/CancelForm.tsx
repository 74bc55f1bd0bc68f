'use client';
// « Annuler le stage »: the reason is sent to the collèges and families; a confirmation says who is told.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { TextAreaField } from '@/components/ui/Field';
import { Button, ButtonLink } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { applyServerErrors } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { cancelStageSchema } from '@/lib/stages/schema';
import s from './stages.module.css';

type Values = z.input<typeof cancelStageSchema>;

export function CancelForm({ action, stageId, enrolled }: { action: (input: unknown) => Promise<ActionResult<{ emails: number }>>; stageId: string; enrolled: number }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(cancelStageSchema), defaultValues: { id: stageId, reason: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await action(values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      setFailure(res.error.message);
      return;
    }
    router.push(`/stages/${stageId}?annule=${res.data.emails}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Annuler le stage" className={s.narrow}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Alert tone="warning" title="Cette action est définitive.">
        {enrolled
          ? `${enrolled} élève${enrolled > 1 ? 's sont inscrits' : ' est inscrit'} : ${enrolled > 1 ? 'leurs inscriptions seront annulées' : 'son inscription sera annulée'}, et un email avec le motif sera envoyé au personnel du collège qui les a inscrits et aux responsables légaux dont l’adresse est connue.`
          : 'Aucun élève n’est inscrit : le stage sera simplement marqué « Annulé » dans le calendrier.'}
      </Alert>
      <TextAreaField label="Motif de l’annulation" rows={3} hint="Il figure dans l’email envoyé aux familles et aux collèges." error={formState.errors.reason?.message} {...register('reason')} />
      <div className={s.actions}>
        <Button type="submit" variant="danger" pending={formState.isSubmitting}>Annuler le stage</Button>
        <ButtonLink href={`/stages/${stageId}`} variant="secondary">Revenir au stage</ButtonLink>
      </div>
    </form>
  );
}
