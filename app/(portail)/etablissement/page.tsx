import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/Button';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import s from '@/components/classes/classes.module.css';
import { pupilAccess } from '@/lib/classes/access';
import { classesOverview } from '@/lib/classes/queries';
import { schoolYearLabel } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { STAFF_ROLE_LABELS, can } from '@/lib/core/permissions';
import { teamCounts } from '@/lib/team/queries';

export const metadata: Metadata = { title: 'Mon établissement' };

export default async function EstablishmentHome() {
  await connection();
  const g = await requireMember('team:view', '/etablissement');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const [{ year, classes, pupils, withoutClass }, { members, pending, mainTeachers }] = await Promise.all([
    classesOverview(member.establishmentId),
    teamCounts(member.establishmentId),
  ]);
  const steps = [
    { done: classes > 0, text: 'Créer les classes', href: '/etablissement/classes' },
    { done: mainTeachers > 0, text: 'Inscrire les professeurs principaux (invitation ou inscription approuvée)', href: '/etablissement/equipe' },
    { done: pupils > 0, text: 'Donner à chaque classe son code : les élèves s’inscrivent', href: '/etablissement/classes' },
  ];
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="home" />
      <h1>Mon établissement</h1>
      <p>
        {member.establishmentName} — vous êtes connecté(e) en tant que {STAFF_ROLE_LABELS[member.role].toLowerCase()}. Année scolaire {schoolYearLabel(year)}.
      </p>
      <dl className={s.stats}>
        <div>
          <dt>Classes</dt>
          <dd>{classes}</dd>
        </div>
        <div>
          <dt>Élèves inscrits</dt>
          <dd>{pupils}</dd>
        </div>
        <div>
          <dt>Élèves sans classe</dt>
          <dd>{withoutClass}</dd>
        </div>
        <div>
          <dt>Membres de l’équipe</dt>
          <dd>{members}</dd>
        </div>
        {can(actor, 'team:approve') ? (
          <div>
            <dt>Inscriptions à approuver</dt>
            <dd>{pending}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="etapes">
        <h2 id="etapes">L’inscription, c’est chacun son tour</h2>
        <ol className={s.steps}>
          {steps.map((st) => (
            <li key={st.text}>
              <Link href={st.href}>{st.text}</Link> {st.done ? <span className={s.tag}>fait</span> : <span className={`${s.tag} ${s.tagWarn}`}>à faire</span>}
            </li>
          ))}
        </ol>
      </section>
      <div className="row">
        <ButtonLink href="/etablissement/classes">Gérer les classes</ButtonLink>
        {withoutClass > 0 && pupilAccess(actor).manage ? (
          <ButtonLink href="/etablissement/eleves" variant="secondary">
            Choisissez une classe pour {withoutClass} élève(s)
          </ButtonLink>
        ) : null}
        {can(actor, 'audit:view-establishment') ? (
          <ButtonLink href="/etablissement/journal" variant="secondary">
            Journal du collège
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
