'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { activateAccountAction } from '@/lib/accounts/actions';
import { ACTIVATION_MESSAGES } from '@/lib/accounts/sign-in-messages';
import { ResendActivationForm } from './ResendActivationForm';

type Outcome =
  | { kind: 'done'; login: string; managerOf: string[] }
  | { kind: 'expired'; login?: string }
  | { kind: 'failed'; message: string };

/** The activation page's button: the link is used only when the person clicks (mail scanners only open it). */
export function ActivateForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const activate = async () => {
    setPending(true);
    const result = await activateAccountAction({ token });
    setPending(false);
    if (!result.ok) return setOutcome({ kind: 'failed', message: result.error.message });
    const r = result.data;
    if (r.ok) return setOutcome({ kind: 'done', login: r.login, managerOf: r.managerOf });
    if (r.reason === 'EXPIRED') return setOutcome({ kind: 'expired', login: r.login });
    setOutcome({ kind: 'failed', message: ACTIVATION_MESSAGES[r.reason] });
  };

  if (outcome?.kind === 'done') {
    return (
      <Alert tone="success" title="Votre compte est activé">
        {outcome.managerOf.length ? <p>Vous êtes désormais le responsable de {outcome.managerOf.join(', ')} sur la plateforme.</p> : null}
        <p>Connectez-vous avec votre identifiant {outcome.login} et le mot de passe choisi à l’inscription.</p>
        <p><Link href="/connexion">Se connecter</Link></p>
      </Alert>
    );
  }
  if (outcome?.kind === 'expired') {
    return (
      <div className="stack">
        <Alert tone="error">{ACTIVATION_MESSAGES.EXPIRED}</Alert>
        {outcome.login ? <ResendActivationForm identifier={outcome.login} /> : <Link href="/activation">Recevoir un nouvel email d’activation</Link>}
      </div>
    );
  }
  return (
    <div className="stack">
      {outcome?.kind === 'failed' ? <Alert tone="error">{outcome.message}</Alert> : null}
      <Button type="button" onClick={activate} pending={pending}>Activer mon compte</Button>
    </div>
  );
}
