'use client';
// The invitation link's page: accept with the signed-in account, or create one (then sign in).
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert, FormMessage } from '@/components/ui/Alert';
import type { ActionResult } from '@/lib/core/action-types';
import { invitationAccountSchema } from '@/lib/sites/schema';
import { useActionForm } from '@/components/ui/useActionForm';
import s from './sites.module.css';

export function AcceptInvitationButton({ action, token }: { action: (input: unknown) => Promise<ActionResult<{ role: string }>>; token: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        type="button"
        pending={pending}
        onClick={async () => {
          setPending(true);
          const res = await action({ token });
          setPending(false);
          if (!res.ok) return setError(res.error.message);
          window.location.assign(new URL('/?bienvenue=1', window.location.origin));
        }}
      >
        Accepter l’invitation
      </Button>
    </div>
  );
}

export function InvitationAccountForm({ action, token, email }: { action: (input: unknown) => Promise<ActionResult<{ email: string }>>; token: string; email: string }) {
  const { form, onSubmit, message } = useActionForm({
    schema: invitationAccountSchema,
    defaultValues: { token, civility: '', firstName: '', lastName: '', password: '', confirm: '' },
    action,
    success: 'Votre compte est créé. Connexion en cours…',
    onDone: async (d, values) => {
      const r = await signIn('credentials', { email: d.email, password: values.password, redirect: false });
      window.location.assign(new URL(r?.ok ? '/?bienvenue=1' : '/connexion', window.location.origin));
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Créer mon compte" className={s.narrow}>
      <FormMessage message={message} />
      <Field label="Adresse email" value={email} readOnly hint="L’adresse à laquelle l’invitation a été envoyée : ce sera votre identifiant." />
      <SelectField label="Civilité" error={e.civility?.message} {...register('civility')}>
        <option value="">—</option>
        <option value="Mme">Mme</option>
        <option value="M.">M.</option>
      </SelectField>
      <Field label="Prénom" autoComplete="given-name" error={e.firstName?.message} {...register('firstName')} />
      <Field label="Nom" autoComplete="family-name" error={e.lastName?.message} {...register('lastName')} />
      <Field label="Mot de passe" type="password" autoComplete="new-password" hint="Au moins 12 caractères." error={e.password?.message} {...register('password')} />
      <Field label="Confirmez le mot de passe" type="password" autoComplete="new-password" error={e.confirm?.message} {...register('confirm')} />
      <Button type="submit" pending={formState.isSubmitting}>
        Créer mon compte et rejoindre la plateforme
      </Button>
    </form>
  );
}
