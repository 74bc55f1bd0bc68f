import Link from 'next/link';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/Button';
import { UaiForm } from '@/components/accounts/UaiForm';
import { CollegeSpace } from '@/components/home/CollegeSpace';
import { NoSpace, OperatorSpace, PlatformSpace, PupilSpace } from '@/components/home/Spaces';
import s from '@/components/home/home.module.css';
import { operatorCounts } from '@/lib/accounts/queries';
import { pupilAccess } from '@/lib/classes/access';
import type { Actor } from '@/lib/core/actor';
import { STAFF_ROLE_LABELS, can } from '@/lib/core/permissions';
import { getActor, portalOrigin } from '@/lib/core/session';
import { collegeHome, pupilStages, staffPlatforms } from '@/lib/enrolments/home';
import { pendingMembershipsOf } from '@/lib/team/queries';

/** The portal's home: the landing with the registration form for visitors; the person's spaces once signed in. */
export default async function PortalHome() {
  await connection();
  const actor = await getActor();
  return actor.user ? <SignedInHome actor={actor} /> : <Landing />;
}

/** The collège's pages a member may open, as « Mon établissement »'s tabs offer them. */
function collegeLinks(actor: Actor): { href: string; label: string }[] {
  const pupils = pupilAccess(actor);
  return [
    { href: '/etablissement', label: 'Mon établissement' },
    ...(actor.member?.role === 'MAIN_TEACHER' ? [{ href: '/ma-classe', label: 'Ma classe' }] : []),
    { href: '/etablissement/classes', label: 'Classes' },
    ...(pupils.view ? [{ href: '/etablissement/eleves', label: 'Élèves' }] : []),
    ...(pupils.view || pupils.manage ? [{ href: '/etablissement/stages', label: 'Stages des élèves' }] : []),
    { href: '/etablissement/equipe', label: 'Équipe' },
    ...(can(actor, 'access-requests:answer') ? [{ href: '/etablissement/demandes', label: 'Demandes' }] : []),
  ];
}

async function SignedInHome({ actor }: { actor: Actor }) {
  const user = actor.user!;
  const portal = await portalOrigin();
  const [college, pupil, platforms, counts] = await Promise.all([
    collegeHome(actor, { portal }),
    actor.pupil ? pupilStages(actor.pupil.id, { portal }) : null,
    staffPlatforms(user.id, { portal }),
    user.isOperator ? operatorCounts() : null,
  ]);
  const none = !college && !pupil && platforms.length === 0 && !counts;
  const pending = none ? await pendingMembershipsOf(user.id) : [];
  return (
    <div className="stack">
      <h1>Bonjour {user.name}</h1>
      <div className={s.spaces}>
        {pupil && actor.pupil ? <PupilSpace next={pupil.upcoming[0] ?? null} upcoming={pupil.upcoming.length} hasClass={!!actor.pupil.classRoomId} /> : null}
        {college && actor.member ? (
          <CollegeSpace
            establishment={{ name: actor.member.establishmentName, uai: actor.member.establishmentUai, role: STAFF_ROLE_LABELS[actor.member.role] }}
            links={collegeLinks(actor)}
            home={college}
          />
        ) : null}
        {platforms.length ? <PlatformSpace platforms={platforms} /> : null}
        {counts ? <OperatorSpace counts={counts} /> : null}
        {none ? <NoSpace pending={pending} /> : null}
      </div>
    </div>
  );
}

function Landing() {
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
