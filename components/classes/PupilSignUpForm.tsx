'use client';
// « Je suis élève »: nom, prénom, date de naissance, an email or a login, a password, optional
// guardians. The collège and class come from the class code; without a code the pupil chooses the
// collège and their level only, and the team places them in their class.
import { useState } from 'react';
import Link from 'next/link';
import { useWatch } from 'react-hook-form';
import { Field, SelectField } from '@/components/ui/Field';
import { Alert } from '@/components/ui/Alert';
import { ActionForm } from '@/components/ui/ActionForm';
import { EmailField, NameFields, NewPasswordFields } from '@/components/ui/FieldGroups';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { LEVELS } from '@/lib/classes/schema';
import { LOGIN_RULE, pupilSignUpSchema } from '@/lib/classes/pupil-schema';
import { GuardianFields } from './GuardiansForm';
import s from './classes.module.css';

type Result = { login: string; needsActivation: boolean; establishmentName: string; className: string | null };
type Target = { kind: 'code'; code: string; className: string; establishmentName: string } | { kind: 'establishment'; uai: string; establishmentName: string };
type Props = { target: Target; action: (input: unknown) => Promise<ActionResult<Result>> };

const emptyGuardian = { lastName: '', firstName: '', email: '', phone: '' };

export function PupilSignUpForm({ target, action }: Props) {
  const [done, setDone] = useState<Result | null>(null);
  const cycle = useActionForm({
    schema: pupilSignUpSchema,
    defaultValues: {
      code: target.kind === 'code' ? target.code : '',
      uai: target.kind === 'establishment' ? target.uai : '',
      level: '',
      lastName: '',
      firstName: '',
      birthDate: '',
      accountKind: 'login',
      email: '',
      login: '',
      password: '',
      passwordConfirm: '',
      guardians: [emptyGuardian, emptyGuardian],
    },
    action,
    onDone: (d) => setDone(d),
  });
  const { form, errors, field } = cycle;
  const { register, control } = form;
  const kind = useWatch({ control, name: 'accountKind' });

  if (done) {
    return done.needsActivation ? (
      <Alert tone="success" title="Plus qu’une étape : activez votre compte">
        <p>
          Un email vient d’être envoyé à <strong>{done.login}</strong>. Cliquez sur le lien qu’il contient (il expire au bout de quelques minutes), puis connectez-vous.
        </p>
      </Alert>
    ) : (
      <Alert tone="success" title="Votre compte est créé">
        <p>
          Vous êtes inscrit(e) au {done.establishmentName}
          {done.className ? `, classe ${done.className}` : ' (votre professeur principal choisira votre classe)'}.
        </p>
        <p>
          Votre identifiant : <strong data-testid="pupil-login">{done.login}</strong>. Notez-le avec votre mot de passe.
        </p>
        <p>
          <Link href="/connexion">Se connecter</Link>
        </p>
      </Alert>
    );
  }
  return (
    <ActionForm cycle={cycle} label="Inscription d’un élève" className={s.narrow} submit="Je m’inscris">
      {target.kind === 'establishment' ? (
        <>
          <p className="muted">
            Sans le code de votre classe, vous vous inscrivez au {target.establishmentName} sans classe : votre professeur principal vous placera dans la vôtre. Vous avez
            le code de votre classe ? <Link href="/rejoindre">Saisissez-le plutôt</Link>.
          </p>
          <SelectField label="Mon niveau" options={LEVELS} {...field('level')}>
            <option value="">Choisissez…</option>
          </SelectField>
        </>
      ) : null}
      {errors.code?.message ? <Alert tone="error">{errors.code.message}</Alert> : null}
      <NameFields lastName={field('lastName')} firstName={field('firstName')} />
      <Field label="Date de naissance" type="date" {...field('birthDate')} />
      <fieldset className={s.fieldset}>
        <legend>Pour vous connecter, vous utiliserez…</legend>
        <div className={s.radios}>
          <label>
            <input type="radio" value="login" {...register('accountKind')} /> un identifiant que je choisis
          </label>
          <label>
            <input type="radio" value="email" {...register('accountKind')} /> mon adresse email
          </label>
        </div>
        {kind === 'email' ? (
          <EmailField label="Adresse email" hint="Vous recevrez un lien pour activer votre compte." {...field('email')} />
        ) : (
          <Field label="Identifiant" autoComplete="username" hint={LOGIN_RULE} {...field('login')} />
        )}
      </fieldset>
      <NewPasswordFields
        password={field('password')}
        confirm={field('passwordConfirm')}
        hint="Au moins 12 caractères. Une phrase facile à retenir fait un bon mot de passe."
      />
      <details open={errors.guardians ? true : undefined}>
        <summary>Ajouter mes responsables légaux (facultatif)</summary>
        <p className="muted">Ils recevront la convocation et signeront la convention de stage. Votre collège peut aussi les renseigner plus tard.</p>
        {[0, 1].map((i) => (
          <GuardianFields key={i} index={i} field={field as never} />
        ))}
      </details>
      <p className="muted">Seules ces informations sont conservées, le temps de l’année scolaire : elles sont effacées à la fin de l’année.</p>
    </ActionForm>
  );
}
