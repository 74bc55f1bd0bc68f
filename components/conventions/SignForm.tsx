'use client';
// The signing page's form: the signer's name and an explicit consent. The token comes from the link.
import { useState } from 'react';
import { Checkbox, Field } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
import { Alert } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import { signConventionAction } from '@/lib/conventions/actions';
import { signSchema } from '@/lib/conventions/schema';

export function SignForm({ token, as, number }: { token: string; as: string; number: string }) {
  const [done, setDone] = useState<'PARTIAL' | 'SIGNED' | null>(null);
  const cycle = useActionForm({
    schema: signSchema,
    defaultValues: { token, signerName: '', consent: false as unknown as true },
    action: signConventionAction,
    onDone: (data) => setDone(data.status),
    // The link is used now: a refresh would show « déjà signée » instead of the thanks.
    refresh: false,
  });
  const { field } = cycle;
  if (done)
    return (
      <Alert tone="success" title="Merci : votre signature est enregistrée">
        <p>
          {done === 'SIGNED'
            ? `Toutes les parties ont signé la convention n° ${number}. Chacune reçoit par email l’exemplaire final, scellé par la plateforme.`
            : `Vous avez signé la convention n° ${number}. Les autres parties reçoivent leur propre lien ; vous recevrez l’exemplaire final quand toutes auront signé.`}
        </p>
        <p>Vous pouvez fermer cette page.</p>
      </Alert>
    );
  return (
    <ActionForm cycle={cycle} label="Signer la convention" className="stack" submit="Signer la convention">
      <Field label="Vos prénom et nom" autoComplete="name" hint={`Vous signez en tant que ${as}.`} {...field('signerName')} />
      <Checkbox
        label="J’ai lu la convention ci-dessus et je la signe. Je comprends que cette signature électronique vaut accord, comme une signature manuscrite."
        {...field('consent')}
      />
    </ActionForm>
  );
}
