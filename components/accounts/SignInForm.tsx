'use client';
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Field } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { fieldBinder } from '@/components/ui/form';
import { SIGN_IN_MESSAGES, type SignInFailure } from '@/lib/core/sign-in-messages';
import { signInSchema, type SignInInput } from '@/lib/accounts/schema';
import { safeCallbackUrl } from '@/lib/core/origin';
import { AccountLinks } from './AccountLinks';
import { ResendActivationForm } from './ResendActivationForm';
import s from './accounts.module.css';

const isFailure = (code: string | undefined | null): code is SignInFailure => !!code && code in SIGN_IN_MESSAGES;

/** « Votre adresse Email », « Votre mot de passe », « Maintenir ma connexion », « CONNEXION ». */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [failure, setFailure] = useState<{ reason: SignInFailure; login: string } | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '', remember: false },
  });
  const field = fieldBinder(register, formState.errors);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const login = values.email.trim();
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn('credentials', { email: login, password: values.password, remember: String(!!values.remember), redirect: false });
    } catch {
      result = undefined;
    }
    if (result?.ok && !result.error) {
      window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
      return;
    }
    setFailure({ reason: isFailure(result?.error) ? result.error : 'INVALID', login });
  });

  return (
    <div className={`stack ${s.narrow}`}>
      <form onSubmit={onSubmit} method="post" noValidate>
        {failure ? <Alert tone="error">{SIGN_IN_MESSAGES[failure.reason]}</Alert> : null}
        <Field
          label="Votre adresse Email"
          type="text"
          inputMode="email"
          autoComplete="username"
          hint="Ou l’identifiant choisi à l’inscription (élèves)."
          {...field('email')}
        />
        <Field label="Votre mot de passe" type="password" autoComplete="current-password" {...field('password')} />
        <Checkbox label="Maintenir ma connexion" {...register('remember')} />
        <Button type="submit" pending={formState.isSubmitting}>
          CONNEXION
        </Button>
      </form>
      {failure?.reason === 'NOT_ACTIVATED' ? (
        <section aria-labelledby="renvoi-activation">
          <h2 id="renvoi-activation">Activer votre compte</h2>
          <ResendActivationForm identifier={failure.login.toLowerCase()} />
        </section>
      ) : null}
      <AccountLinks links={['forgotPassword', 'activation', 'forgotLogin']} className={s.links} />
    </div>
  );
}
