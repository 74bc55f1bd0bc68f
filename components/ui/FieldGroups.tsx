// The field groups several forms ask for in the same words: a person's name, a new password typed
// twice, an email address. Each input comes bound (`field(name)` of useActionForm / fieldBinder);
// the labels are the forms' own where they differ.
import type { ComponentProps, ReactNode } from 'react';
import { Field } from './Field';
import type { FieldBinding } from './form';

/** « Nom » then « Prénom »; the person's own name (autocomplete family-name / given-name) unless `autoComplete="off"`. */
export function NameFields({ lastName, firstName, autoComplete }: { lastName: FieldBinding; firstName: FieldBinding; autoComplete?: 'off' }) {
  return (
    <>
      <Field label="Nom" autoComplete={autoComplete ?? 'family-name'} {...lastName} />
      <Field label="Prénom" autoComplete={autoComplete ?? 'given-name'} {...firstName} />
    </>
  );
}

type NewPasswordProps = { password: FieldBinding; confirm: FieldBinding; hint?: ReactNode; renewal?: boolean; confirmLabel?: string };

/** A password being chosen, then its confirmation (autocomplete new-password); `renewal`: « Nouveau mot de passe ». */
export function NewPasswordFields({ password, confirm, hint, renewal, confirmLabel }: NewPasswordProps) {
  return (
    <>
      <Field label={renewal ? 'Nouveau mot de passe' : 'Mot de passe'} type="password" autoComplete="new-password" hint={hint} {...password} />
      <Field
        label={confirmLabel ?? (renewal ? 'Confirmation du nouveau mot de passe' : 'Confirmation du mot de passe')}
        type="password"
        autoComplete="new-password"
        {...confirm}
      />
    </>
  );
}

/** An email address input (type email, autocomplete email unless told otherwise). */
export function EmailField(props: ComponentProps<typeof Field>) {
  return <Field type="email" autoComplete="email" {...props} />;
}
