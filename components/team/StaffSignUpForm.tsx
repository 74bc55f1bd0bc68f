'use client';
// « Je suis membre de l'équipe pédagogique »: nom, prénom, fonction, email académique, mot de passe → « Je m'inscris ».
import { useState } from 'react';
import { SelectField } from '@/components/ui/Field';
import { EmailField, NameFields, NewPasswordFields } from '@/components/ui/FieldGroups';
import { Alert } from '@/components/ui/Alert';
import { ActionForm } from '@/components/ui/ActionForm';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';
import { STAFF_FUNCTIONS, staffSignUpSchema } from '@/lib/team/schema';
import s from '@/components/classes/classes.module.css';

type Props = { uai: string; establishmentName: string; action: (input: unknown) => Promise<ActionResult<{ email: string; establishmentName: string }>> };

export function StaffSignUpForm({ uai, establishmentName, action }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const cycle = useActionForm({
    schema: staffSignUpSchema,
    defaultValues: { uai, lastName: '', firstName: '', role: '' as never, email: '', password: '', passwordConfirm: '' },
    action,
    onDone: (d) => setDone(d.email),
  });
  const { form, errors, field } = cycle;
  if (done) {
    return (
      <Alert tone="success" title="Vérifiez votre messagerie">
        <p>
          Un email d’activation vient d’être envoyé à <strong>{done}</strong>. Cliquez sur le lien qu’il contient (il expire au bout de quelques minutes).
        </p>
        <p>Votre chef d’établissement doit ensuite approuver votre inscription dans l’équipe du {establishmentName} : vous recevrez un email dès que ce sera fait.</p>
      </Alert>
    );
  }
  return (
    <ActionForm cycle={cycle} label="Inscription d’un membre de l’équipe pédagogique" className={s.narrow} submit="Je m’inscris">
      <input type="hidden" {...form.register('uai')} />
      <NameFields lastName={field('lastName')} firstName={field('firstName')} />
      <SelectField label="Fonction" options={STAFF_FUNCTIONS} {...field('role')}>
        <option value="">Choisissez votre fonction…</option>
      </SelectField>
      <EmailField label="Adresse email académique" hint="Votre adresse @ac-… : elle sera votre identifiant de connexion." {...field('email')} />
      <NewPasswordFields password={field('password')} confirm={field('passwordConfirm')} hint="Au moins 12 caractères." />
      {errors.uai?.message ? <Alert tone="error">{errors.uai.message}</Alert> : null}
    </ActionForm>
  );
}
