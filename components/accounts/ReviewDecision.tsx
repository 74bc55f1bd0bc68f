'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { TextAreaField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { decideRegistrationReviewAction } from '@/lib/accounts/admin-actions';
import s from './accounts.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

/** The operator approves (an activation email goes to the applicant) or refuses (with a reason) a registration. */
export function ReviewDecision({ reviewId, applicant }: { reviewId: string; applicant: string }) {
  const router = useRouter();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const decide = async (decision: 'APPROVE' | 'REFUSE') => {
    setPending(true);
    const result = await decideRegistrationReviewAction({ reviewId, decision, reason: decision === 'REFUSE' ? reason : undefined });
    setPending(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setMessage({
      tone: 'success',
      text:
        decision === 'APPROVE'
          ? `Inscription validée : ${applicant} reçoit un email pour activer son compte.`
          : `Inscription refusée : ${applicant} en est informé(e) par email.`,
    });
    router.refresh();
  };

  if (message?.tone === 'success') return <Alert tone="success">{message.text}</Alert>;
  return (
    <div>
      {message ? <Alert tone="error">{message.text}</Alert> : null}
      {refusing ? (
        <TextAreaField
          label="Motif du refus (envoyé au demandeur)"
          id={`motif-${reviewId}`}
          value={reason}
          maxLength={500}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : null}
      <div className={s.actions}>
        {refusing ? (
          <>
            <Button type="button" variant="danger" onClick={() => decide('REFUSE')} pending={pending}>
              Confirmer le refus
            </Button>
            <Button type="button" variant="secondary" onClick={() => setRefusing(false)}>
              Annuler
            </Button>
          </>
        ) : (
          <>
            <Button type="button" onClick={() => decide('APPROVE')} pending={pending}>
              Valider l’inscription
            </Button>
            <Button type="button" variant="secondary" onClick={() => setRefusing(true)}>
              Refuser…
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
