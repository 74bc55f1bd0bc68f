'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SelectField } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { Alert } from '@/components/ui/Alert';
import { EmailField, NameFields, NewPasswordFields } from '@/components/ui/FieldGroups';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import { registerEstablishmentAction } from '@/lib/accounts/actions';
import { CIVILITIES, MANAGER_FUNCTIONS, registrationSchema, type RegistrationInput } from '@/lib/accounts/schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/core/password-rules';
import ui from '@/components/ui/ui.module.css';
import s from './accounts.module.css';

export type RegistrationFormProps = {
  uai: string;
  /** The login derived from the UAI (or the directory address); null: the operator reviews, ask for an address. */
  login: string | null;
};

/** Civilité, nom, prénom, fonction, mot de passe: « Créer votre compte utilisateur ». */
export function RegistrationForm({ uai, login }: RegistrationFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<RegistrationInput>({
    resolver: zodResolver(registrationSchema),
    defaultValues: { uai, lastName: '', firstName: '', email: '', password: '', passwordConfirm: '' },
  });
  const errors = formState.errors;
  const field = fieldBinder(register, errors);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerEstablishmentAction(values);
    if (!result.ok) {
      applyServerErrors(result.error, setError);
      setFormError(result.error.message);
      return;
    }
    const next =
      result.data.kind === 'activation'
        ? `/inscription/email-envoye?adresse=${encodeURIComponent(result.data.login)}`
        : `/inscription/en-attente?adresse=${encodeURIComponent(result.data.email)}`;
    router.push(next);
  });

  return (
    <form onSubmit={onSubmit} method="post" noValidate className={s.narrow}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...register('uai')} />
      <fieldset className={s.fieldset} aria-describedby={errors.civility ? 'civility-error' : undefined}>
        <legend>Civilité</legend>
        <div className={s.radios}>
          {CIVILITIES.map((c) => (
            <label key={c}>
              <input type="radio" value={c} {...register('civility')} /> {c === 'M.' ? 'Monsieur' : 'Madame'}
            </label>
          ))}
        </div>
        {errors.civility ? (
          <p id="civility-error" role="alert" className={ui.error}>
            {errors.civility.message}
          </p>
        ) : null}
      </fieldset>
      <NameFields lastName={field('lastName')} firstName={field('firstName')} />
      <SelectField label="Fonction dans l’établissement" defaultValue="" options={MANAGER_FUNCTIONS} {...field('function')}>
        <option value="" disabled>
          Choisissez votre fonction
        </option>
      </SelectField>
      {login ? (
        <Alert tone="info" title="Votre identifiant de connexion">
          <p>
            Votre identifiant de connexion est obligatoirement le suivant : <span className={s.login}>{login}</span>
          </p>
          <p>Le lien d’activation sera envoyé à cette adresse : seule une personne qui lit cette messagerie peut activer le compte.</p>
        </Alert>
      ) : (
        <EmailField
          label="Votre adresse email"
          hint="L’annuaire de l’éducation ne donne aucune adresse pour cet établissement : l’équipe technique vérifiera votre demande, puis vous écrira à cette adresse."
          {...field('email')}
        />
      )}
      <NewPasswordFields
        password={field('password')}
        confirm={field('passwordConfirm')}
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de passe est plus facile à retenir.`}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Créer votre compte utilisateur
      </Button>
    </form>
  );
}
