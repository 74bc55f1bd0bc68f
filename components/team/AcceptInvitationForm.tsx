'use client';
// The pre-filled sign-up of an invitation: a new account (nom, prénom, mot de passe), or the
// password of the account that already uses the address. Signs in right after.
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { NameFields, NewPasswordFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';
import { acceptExistingSchema, acceptNewSchema, type AcceptExistingInput, type AcceptNewInput } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

type Result = ActionResult<{ login: string; establishmentName: string }>;
type Props = {
  token: string;
  email: string;
  account: 'NEW' | 'EXISTING';
  acceptNew: (input: AcceptNewInput) => Promise<Result>;
  acceptExisting: (input: AcceptExistingInput) => Promise<Result>;
};

async function signInAndGo(login: string, password: string, setError: (m: string) => void) {
  const res = await signIn('credentials', { email: login, password, remember: 'false', redirect: false }).catch(() => undefined);
  if (res?.ok && !res.error) window.location.assign(new URL('/etablissement', window.location.origin));
  else setError('Votre compte est prêt : connectez-vous avec votre adresse email et votre mot de passe.');
}

export function AcceptInvitationForm(props: Props) {
  return props.account === 'NEW' ? <NewAccount {...props} /> : <ExistingAccount {...props} />;
}

function NewAccount({ token, email, acceptNew }: Props) {
  const [error, setErrorMessage] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<AcceptNewInput>({
    resolver: zodResolver(acceptNewSchema),
    defaultValues: { token, lastName: '', firstName: '', password: '', passwordConfirm: '' },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await acceptNew(values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      return setErrorMessage(res.error.message);
    }
    await signInAndGo(res.data.login, values.password, setErrorMessage);
  });
  return (
    <form onSubmit={onSubmit} noValidate className={s.narrow} aria-label="Créer mon compte">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Adresse email (identifiant de connexion)" value={email} readOnly />
      <NameFields lastName={field('lastName')} firstName={field('firstName')} />
      <NewPasswordFields password={field('password')} confirm={field('passwordConfirm')} hint="Au moins 12 caractères." />
      <Button type="submit" pending={formState.isSubmitting}>
        Je m’inscris
      </Button>
    </form>
  );
}

function ExistingAccount({ token, email, acceptExisting }: Props) {
  const [error, setErrorMessage] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<AcceptExistingInput>({
    resolver: zodResolver(acceptExistingSchema),
    defaultValues: { token, password: '' },
  });
  const field = fieldBinder(register, formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await acceptExisting(values);
    if (!res.ok) {
      applyServerErrors(res.error, setError);
      return setErrorMessage(res.error.message);
    }
    await signInAndGo(res.data.login, values.password, setErrorMessage);
  });
  return (
    <form onSubmit={onSubmit} noValidate className={s.narrow} aria-label="Rejoindre l’équipe avec mon compte">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p>
        Un compte utilise déjà l’adresse <strong>{email}</strong> : saisissez son mot de passe pour rejoindre l’équipe.
      </p>
      <Field label="Mot de passe" type="password" autoComplete="current-password" {...field('password')} />
      <Button type="submit" pending={formState.isSubmitting}>
        Rejoindre l’équipe
      </Button>
    </form>
  );
}
