// The portal's home, signed in: one card per space of the person (a pupil's, a lycée platform's,
// the technical team's), or what to do when they have none yet. The collège's is CollegeSpace.
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/Button';
import type { PupilStage, StaffPlatform } from '@/lib/enrolments/home';
import { formatDay, formatHours } from '@/lib/core/format';
import s from './home.module.css';

/** A pupil: « Mes stages » (with the next one) and « Ma classe ». */
export function PupilSpace({ next, upcoming, hasClass }: { next: PupilStage | null; upcoming: number; hasClass: boolean }) {
  return (
    <section className={`card ${s.space}`} aria-labelledby="espace-eleve">
      <h2 id="espace-eleve">Mon espace élève</h2>
      {next ? (
        <p>
          Prochain stage : <strong>{formatDay(next.date)}</strong>, de {formatHours(next.startMinutes, next.endMinutes, 'à')} — {next.formation} ({next.platform})
          {next.status === 'WAITING' ? ', sur liste d’attente' : ''}.{upcoming > 1 ? ` Et ${upcoming - 1} autre${upcoming > 2 ? 's' : ''} à venir.` : ''}
        </p>
      ) : (
        <p>
          Aucun mini-stage à venir pour l’instant. C’est votre collège qui vous inscrit : parlez-en à votre professeur principal. Pour voir les stages proposés par les
          lycées : <Link href="/recherche">Rechercher un mini-stage</Link>.
        </p>
      )}
      {hasClass ? null : (
        <p>
          Vous n’avez pas encore de classe : rejoignez-la depuis <Link href="/ma-classe">Ma classe</Link> avec le code donné par votre professeur principal.
        </p>
      )}
      <div className="row">
        <ButtonLink href="/mes-stages">Mes stages</ButtonLink>
        <ButtonLink href="/ma-classe" variant="secondary">
          Ma classe
        </ButtonLink>
      </div>
    </section>
  );
}

/** Lycée staff: the platform(s) they work on, each on its own address. */
export function PlatformSpace({ platforms }: { platforms: StaffPlatform[] }) {
  return (
    <section className={`card ${s.space}`} aria-labelledby="espace-lycee">
      <h2 id="espace-lycee">{platforms.length > 1 ? 'Mes plateformes de lycée' : 'Ma plateforme de lycée'}</h2>
      <ul className={s.platforms}>
        {platforms.map((p) => (
          <li key={p.id}>
            <a href={p.url}>{p.name}</a> <span className="muted">({p.roleLabel})</span>
          </li>
        ))}
      </ul>
      <p className="muted">Chaque plateforme a sa propre adresse : tableau de bord, calendrier, stagiaires et conventions s’y trouvent.</p>
    </section>
  );
}

/** The technical team: the operator's pages, with what waits for them. */
export function OperatorSpace({ counts }: { counts: { reviews: number; overdue: number } }) {
  return (
    <section className={`card ${s.space}`} aria-labelledby="espace-operateur">
      <h2 id="espace-operateur">Équipe technique</h2>
      <ul className={s.links} aria-label="Les pages de l’équipe technique">
        <li>
          <Link href="/operateur">Espace de l’équipe technique</Link>
        </li>
        <li>
          <Link href="/operateur/plateformes">Plateformes des lycées</Link>
        </li>
        <li>
          <Link href="/operateur/inscriptions">Inscriptions à valider{counts.reviews ? ` (${counts.reviews})` : ''}</Link>
        </li>
        <li>
          <Link href="/operateur/demandes">Demandes sans réponse{counts.overdue ? ` (${counts.overdue})` : ''}</Link>
        </li>
        <li>
          <Link href="/operateur/rentree">Rentrée scolaire</Link>
        </li>
      </ul>
    </section>
  );
}

/** Signed in, but in no space yet: a sign-up waiting for approval, or what to ask for. */
export function NoSpace({ pending }: { pending: { id: string; establishment: string; city: string | null }[] }) {
  return (
    <section className={`card ${s.space}`} aria-labelledby="espace-aucun">
      <h2 id="espace-aucun">Votre compte n’est encore rattaché à aucun espace</h2>
      {pending.length ? (
        <ul>
          {pending.map((p) => (
            <li key={p.id}>
              Votre inscription dans l’équipe de {p.establishment}
              {p.city ? ` (${p.city})` : ''} attend l’approbation du chef d’établissement : vous recevrez un email dès que ce sera fait.
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Membre de l’équipe d’un collège : demandez à votre chef d’établissement de vous inviter, ou inscrivez-vous depuis{' '}
          <Link href="/creer-mon-compte">Créer mon compte</Link>. Équipe d’un lycée : l’administrateur de votre plateforme vous invite. Élève : adressez-vous à votre
          professeur principal.
        </p>
      )}
      <p>
        <Link href="/mon-compte">Mon compte</Link>
      </p>
    </section>
  );
}
