'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Alert } from '@/components/ui/Alert';
import { activateAccountAction } from '@/lib/accounts/actions';
import { ACTIVATION_MESSAGES } from '@/lib/core/sign-in-messages';
import { LINK_TEXTS, linkMessage } from '@/lib/core/links';
import { ResendActivationForm } from './ResendActivationForm';

type Outcome = { kind: 'done'; login: string; managerOf: string[] } | { kind: 'expired'; login?: string } | { kind: 'failed'; message: string };

/**
 * The activation form: the link is used only when the person submits it (mail scanners only open
 * links), with the password chosen at registration (the link proves the mailbox, the password the
 * person who registered).
 */
export function ActivateForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const activate = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    const result = await activateAccountAction({ token, password });
    setPending(false);
    if (!result.ok) return setOutcome({ kind: 'failed', message: result.error.fieldErrors?.password?.[0] ?? result.error.message });
    const r = result.data;
    if (r.ok) return setOutcome({ kind: 'done', login: r.login, managerOf: r.managerOf });
    if (r.reason === 'expired') return setOutcome({ kind: 'expired', login: r.login });
    const message = r.reason === 'WRONG_PASSWORD' || r.reason === 'THROTTLED' ? ACTIVATION_MESSAGES[r.reason] : linkMessage('activation', { state: r.reason });
    setOutcome({ kind: 'failed', message });
  };

  if (outcome?.kind === 'done') {
    return (
      <Alert tone="success" title="Votre compte est activé">
        {outcome.managerOf.length ? <p>Vous êtes désormais le responsable de {outcome.managerOf.join(', ')} sur la plateforme.</p> : null}
        <p>Connectez-vous avec votre identifiant {outcome.login} et le mot de passe choisi à l’inscription.</p>
        <p>
          <Link href="/connexion">Se connecter</Link>
        </p>
      </Alert>
    );
  }
  if (outcome?.kind === 'expired') {
    return (
      <div className="stack">
        <Alert tone="error">{LINK_TEXTS.activation.messages.expired}</Alert>
        {outcome.login ? <ResendActivationForm identifier={outcome.login} /> : <Link href="/activation">Recevoir un nouvel email d’activation</Link>}
      </div>
    );
  }
  return (
    <form className="stack" method="post" onSubmit={activate} noValidate style={{ maxWidth: '34rem' }}>
      {outcome?.kind === 'failed' ? <Alert tone="error">{outcome.message}</Alert> : null}
      <Field
        label="Votre mot de passe"
        hint="Celui que vous avez choisi lors de l’inscription."
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <Button type="submit" pending={pending}>
        Activer mon compte
      </Button>
      <p className="muted">
        Vous n’avez pas fait cette inscription vous-même, ou vous avez oublié le mot de passe ? <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link> : le lien
        reçu vous fera choisir votre mot de passe et activera le compte.
      </p>
    </form>
  );
}
