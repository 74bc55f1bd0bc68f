'use client';
// The invitation link's page: accept with the signed-in account, or create one (then sign in).
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Field, SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { ActionForm } from '@/components/ui/ActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { invitationAccountSchema } from '@/lib/sites/schema';
import { NewPasswordFields } from '@/components/ui/FieldGroups';
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
  const cycle = useActionForm({
    schema: invitationAccountSchema,
    defaultValues: { token, civility: '', firstName: '', lastName: '', password: '', confirm: '' },
    action,
    success: 'Votre compte est créé. Connexion en cours…',
    onDone: async (d, values) => {
      const r = await signIn('credentials', { email: d.email, password: values.password, redirect: false });
      window.location.assign(new URL(r?.ok ? '/?bienvenue=1' : '/connexion', window.location.origin));
    },
  });
  const { field } = cycle;
  return (
    <ActionForm cycle={cycle} label="Créer mon compte" className={s.narrow} submit="Créer mon compte et rejoindre la plateforme">
      <Field label="Adresse email" value={email} readOnly hint="L’adresse à laquelle l’invitation a été envoyée : ce sera votre identifiant." />
      <SelectField label="Civilité" {...field('civility')}>
        <option value="">—</option>
        <option value="Mme">Mme</option>
        <option value="M.">M.</option>
      </SelectField>
      <Field label="Prénom" autoComplete="given-name" {...field('firstName')} />
      <Field label="Nom" autoComplete="family-name" {...field('lastName')} />
      <NewPasswordFields password={field('password')} confirm={field('confirm')} confirmLabel="Confirmez le mot de passe" hint="Au moins 12 caractères." />
    </ActionForm>
  );
}
