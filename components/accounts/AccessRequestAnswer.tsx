'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { declineAccessRequestAction, grantAccessRequestAction, operatorDeclineAccessRequestAction, operatorGrantAccessRequestAction } from '@/lib/accounts/admin-actions';
import { GRANTABLE_ROLES } from '@/lib/accounts/schema';
import { STAFF_ROLE_LABELS, type StaffRoleName } from '@/lib/core/permissions';
import s from './accounts.module.css';
import type { FormMessage as Message } from '@/components/ui/useActionForm';

export type AccessRequestAnswerProps = {
  requestId: string;
  requester: string;
  /** 'manager': the establishment answers; 'operator': an escalated request (may invite a chef d'établissement). */
  mode: 'manager' | 'operator';
  /** The operator may only decline requests that are not from the establishment's ce.<uai> address. */
  canGrant?: boolean;
};

/** « Accorder l'accès » with a role (an invitation is emailed) or « Refuser » (asks for confirmation). */
export function AccessRequestAnswer({ requestId, requester, mode, canGrant = true }: AccessRequestAnswerProps) {
  const router = useRouter();
  const roles: StaffRoleName[] = mode === 'operator' ? ['PRINCIPAL', ...GRANTABLE_ROLES] : [...GRANTABLE_ROLES];
  const [role, setRole] = useState<StaffRoleName>(mode === 'operator' ? 'PRINCIPAL' : 'MAIN_TEACHER');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const run = async (kind: 'grant' | 'decline') => {
    setPending(true);
    setMessage(null);
    const result =
      kind === 'grant'
        ? await (mode === 'operator' ? operatorGrantAccessRequestAction : grantAccessRequestAction)({ requestId, staffRole: role })
        : await (mode === 'operator' ? operatorDeclineAccessRequestAction : declineAccessRequestAction)({ requestId });
    setPending(false);
    setConfirming(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setMessage({
      tone: 'success',
      text: kind === 'grant' ? `Accès accordé : ${requester} reçoit une invitation par email.` : `Demande refusée : ${requester} en est informé(e) par email.`,
    });
    router.refresh();
  };

  if (message?.tone === 'success') return <Alert tone="success">{message.text}</Alert>;
  return (
    <div>
      {message ? <Alert tone="error">{message.text}</Alert> : null}
      <div className={s.actions}>
        {canGrant ? (
          <>
            <SelectField label="Rôle dans l’établissement" value={role} onChange={(e) => setRole(e.target.value as StaffRoleName)} id={`role-${requestId}`}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {STAFF_ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <Button type="button" onClick={() => run('grant')} pending={pending && !confirming}>
              Accorder l’accès
            </Button>
          </>
        ) : null}
        {confirming ? (
          <>
            <Button type="button" variant="danger" onClick={() => run('decline')} pending={pending}>
              Confirmer le refus
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
          </>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            Refuser
          </Button>
        )}
      </div>
      {confirming ? (
        <p role="status" className="muted">
          {requester} sera informé(e) par email que sa demande est refusée.
        </p>
      ) : null}
    </div>
  );
}
