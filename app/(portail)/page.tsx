import Link from 'next/link';
import { ButtonLink } from '@/components/ui/Button';
import { UaiForm } from '@/components/accounts/UaiForm';

export default function PortalHome() {
  return (
    <div className="stack">
      <h1>Les mini-stages des lycées, pour les élèves de collège</h1>
      <p>
        ministage réunit les collèges et les lycées : le collège inscrit son établissement, ses classes et ses élèves ; chaque lycée publie ses mini-stages sur sa propre
        plateforme, où l’équipe du collège inscrit ses élèves en quelques clics.
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="inscrire-etablissement">
          <h2 id="inscrire-etablissement">Inscrivez votre établissement scolaire</h2>
          <p>
            Chef d’établissement : saisissez le code UAI (RNE) de votre collège ou de votre lycée. La plateforme retrouve l’établissement dans l’annuaire de l’éducation.
          </p>
          <UaiForm action="/inscription" id="accueil-uai" />
        </section>
        <section className="card" aria-labelledby="deja-inscrit">
          <h2 id="deja-inscrit">Vous avez déjà un compte ?</h2>
          <p>Le même compte fonctionne sur toutes les plateformes de mini-stages des lycées.</p>
          <ButtonLink href="/connexion" variant="secondary">
            Se connecter
          </ButtonLink>
          <p>
            <Link href="/creer-mon-compte">Créer mon compte</Link> (équipe pédagogique, élève)
          </p>
          <p>
            <Link href="/identifiant-oublie">Vous ne connaissez pas votre identifiant ?</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
