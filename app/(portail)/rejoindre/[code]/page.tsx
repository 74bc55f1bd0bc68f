import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Alert } from '@/components/ui/Alert';
import { CodeEntry } from '@/components/classes/CodeEntry';
import { JoinClassForm } from '@/components/classes/JoinClassForm';
import { PupilSignUpForm } from '@/components/classes/PupilSignUpForm';
import { decodeParam } from '@/lib/core/text';
import { joinClassAction, signUpPupilAction } from '@/lib/classes/pupil-actions';
import { joinPageOf } from '@/lib/classes/queries';
import { signInPath } from '@/lib/core/origin';
import { getActor } from '@/lib/core/session';

export const metadata: Metadata = { title: 'Inscription dans ma classe' };

export default async function JoinWithCodePage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const { code } = await params;
  const [join, actor] = await Promise.all([joinPageOf(decodeParam(code)), getActor()]);
  if (!join.ok) {
    return (
      <div className="stack">
        <h1>Rejoindre ma classe</h1>
        <CodeEntry code={decodeParam(code)} error={join.refusal} />
      </div>
    );
  }
  const { target, readiness } = join;
  const room = target.classRoom!;
  const title = `Classe ${room.name} — ${target.establishment.name}`;
  return (
    <div className="stack">
      <h1>Je m’inscris dans ma classe</h1>
      <section className="card" aria-label="Votre classe">
        <p style={{ margin: 0 }}>
          <strong>{title}</strong>
          {target.establishment.city ? ` (${target.establishment.city})` : ''}
        </p>
        <p className="muted" style={{ margin: 0 }}>
          Ce n’est pas votre classe ? Vérifiez le code auprès de votre professeur principal.
        </p>
      </section>
      {!readiness.open ? (
        <Alert tone="error" title="Les inscriptions ne sont pas encore ouvertes">
          {readiness.reason}
        </Alert>
      ) : actor.pupil ? (
        <JoinClassForm action={joinClassAction} code={code} />
      ) : actor.member ? (
        <Alert tone="info" title="Vous êtes connecté(e) avec un compte de l’équipe pédagogique">
          <p>
            Cette page est celle que vos élèves ouvrent pour s’inscrire. <Link href={`/rejoindre/${code}/affiche`}>Imprimer l’affiche avec le QR code</Link>.
          </p>
        </Alert>
      ) : (
        <>
          <p>
            Vous avez déjà un compte ? <Link href={signInPath(`/rejoindre/${code}`)}>Connectez-vous</Link> pour rejoindre la classe.
          </p>
          <PupilSignUpForm target={{ kind: 'code', code, className: room.name, establishmentName: target.establishment.name }} action={signUpPupilAction} />
        </>
      )}
    </div>
  );
}
