// The class's join code and link, to share with pupils (with a printable poster and a QR code).
import Link from 'next/link';
import type { ActionResult } from '@/lib/core/action-types';
import { formatJoinCode } from '@/lib/classes/join-code';
import { ActionButton } from '@/components/ui/ActionButton';
import s from './classes.module.css';

type Props = {
  classRoomId: string;
  className: string;
  joinCode: string;
  origin: string;
  regenerateAction: (input: { classRoomId: string }) => Promise<ActionResult<unknown>>;
};

export function JoinCodePanel({ classRoomId, className, joinCode, origin, regenerateAction }: Props) {
  const link = `${origin}/rejoindre/${joinCode}`;
  return (
    <section aria-labelledby="code" className="card">
      <h2 id="code" style={{ marginTop: 0 }}>
        Inscription des élèves
      </h2>
      <p>
        Code de la classe :{' '}
        <strong className={s.code} data-testid="join-code">
          {formatJoinCode(joinCode)}
        </strong>
      </p>
      <p>
        Lien d’inscription : <a href={link}>{link}</a>
      </p>
      <p className="muted">
        Les élèves ouvrent le lien (ou « Créer mon compte » → « Je suis élève ») et saisissent le code : ils sont inscrits directement dans la classe {className}.
      </p>
      <div className={s.actions}>
        <Link href={`/rejoindre/${joinCode}/affiche`}>Afficher et imprimer l’affiche avec le QR code</Link>
        <ActionButton
          action={regenerateAction}
          input={{ classRoomId }}
          label="Générer un nouveau code"
          confirm="L’ancien code et l’ancien lien ne fonctionneront plus. Les élèves déjà inscrits restent dans la classe."
          confirmLabel="Générer un nouveau code"
        />
      </div>
    </section>
  );
}
