'use client';
// « Vérifier une convention »: the code printed on every page and/or the PDF file. The file never
// leaves the browser: its SHA-256 is computed here and only that is sent.
import { useState } from 'react';
import { Field } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
import { Alert } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import { verifyConventionAction } from '@/lib/conventions/actions';
import { verifySchema } from '@/lib/conventions/schema';
import type { Verification } from '@/lib/conventions/service';

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function VerifyForm({ code }: { code: string }) {
  const [result, setResult] = useState<Verification | null>(null);
  const cycle = useActionForm({
    schema: verifySchema,
    defaultValues: { code, sha256: '' },
    action: verifyConventionAction,
    onDone: (data) => setResult(data),
  });
  const { field } = cycle;
  return (
    <div className="stack">
      <ActionForm cycle={cycle} label="Vérifier une convention" className="stack" submit="Vérifier">
        <Field label="Code de vérification" hint="Imprimé en bas de chaque page, par exemple K7QM-3XPD-9RTA." autoComplete="off" {...field('code')} />
        <Field
          label="Fichier PDF de la convention (facultatif)"
          type="file"
          accept="application/pdf,.pdf"
          hint="Le fichier reste sur votre ordinateur : seule son empreinte (SHA-256) est envoyée."
          onChange={async (e) => {
            setResult(null);
            const file = e.currentTarget.files?.[0];
            // The file's fingerprint is a field of the form: the code may then stay empty.
            cycle.form.setValue('sha256', file ? await sha256Hex(file) : '');
          }}
        />
      </ActionForm>
      {result ? (
        !result.found ? (
          <Alert tone="error">{result.message}</Alert>
        ) : (
          <Alert tone={result.genuine ? 'success' : 'warning'} title={result.genuine ? 'Convention authentique' : `Convention n° ${result.number}`}>
            <p>{result.message}</p>
            {result.signatures.length ? (
              <ul>
                {result.signatures.map((s) => (
                  <li key={s.role + s.name}>
                    {s.role} : {s.name}, le {s.at}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        )
      ) : null}
    </div>
  );
}
