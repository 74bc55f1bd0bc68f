import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/Button';
import s from '@/components/classes/classes.module.css';

export const metadata: Metadata = { title: 'Créer mon compte' };

export default function CreateAccountPage() {
  return (
    <div className="stack">
      <h1>Créer mon compte</h1>
      <p>
        L’inscription, c’est chacun son tour : le chef d’établissement inscrit le collège, puis l’équipe pédagogique s’inscrit, puis les élèves rejoignent leur classe.
      </p>
      <div className={s.choices}>
        <section className="card" aria-labelledby="equipe">
          <h2 id="equipe" style={{ marginTop: 0 }}>
            Je suis membre de l’équipe pédagogique
          </h2>
          <p>
            Professeur principal, enseignant, CPE, conseiller d’orientation, secrétariat, adjoint : inscrivez-vous avec votre adresse académique, une fois votre collège
            inscrit.
          </p>
          <ButtonLink href="/creer-mon-compte/equipe">Je suis membre de l’équipe pédagogique</ButtonLink>
        </section>
        <section className="card" aria-labelledby="eleve">
          <h2 id="eleve" style={{ marginTop: 0 }}>
            Je suis élève
          </h2>
          <p>Inscrivez-vous avec le code de votre classe, donné par votre professeur principal.</p>
          <ButtonLink href="/creer-mon-compte/eleve">Je suis élève</ButtonLink>
        </section>
      </div>
      <p>
        Chef d’établissement ? <Link href="/inscription">Inscrivez votre établissement</Link> à partir de son code UAI.
      </p>
    </div>
  );
}
