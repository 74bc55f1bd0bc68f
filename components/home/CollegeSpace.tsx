// The portal's home, for a collège's team member: the collège's pages, their pupils' enrolments in
// short (the soonest, what is missing), and the lycée platforms with stages open to their pupils'
// levels. Pure rendering of lib/enrolments/home.ts's CollegeHome.
import Link from 'next/link';
import { DataTable } from '@/components/ui/DataTable';
import type { CollegeEnrolmentSummary, CollegeHome, PlatformOffer } from '@/lib/enrolments/home';
import { formatHours, formatShortDate } from '@/lib/core/format';
import s from './home.module.css';

export type CollegeSpaceProps = {
  establishment: { name: string; uai: string; role: string };
  /** The collège's pages this member may open (« Mon établissement », « Classes »…). */
  links: { href: string; label: string }[];
  home: CollegeHome;
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function Enrolments({ e }: { e: CollegeEnrolmentSummary }) {
  if (e.upcoming === 0) {
    return (
      <>
        <p>
          Aucun de vos élèves n’est inscrit à un stage à venir. Pour inscrire un élève : ouvrez un stage sur la plateforme d’un lycée (ci-dessous, ou avec{' '}
          <Link href="/recherche">Rechercher un mini-stage</Link>), puis choisissez « Inscrire un stagiaire ».
        </p>
        {e.attendanceMissing ? <AttendanceMissing n={e.attendanceMissing} /> : null}
      </>
    );
  }
  return (
    <>
      <ul className={s.stats} aria-label="En résumé">
        <li>
          <strong>{e.upcoming}</strong> {e.upcoming > 1 ? 'inscriptions à venir' : 'inscription à venir'}
        </li>
        {e.waiting ? (
          <li>
            <strong>{e.waiting}</strong> en liste d’attente
          </li>
        ) : null}
        <li className={e.conventionsToSign ? s.warn : undefined}>
          <strong>{e.conventionsToSign}</strong> {e.conventionsToSign > 1 ? 'conventions pas encore signées' : 'convention pas encore signée'}
        </li>
      </ul>
      {e.attendanceMissing ? <AttendanceMissing n={e.attendanceMissing} /> : null}
      <DataTable columns={['Date', 'Élève', 'Stage', 'Inscription', 'À faire']} caption="Les prochains stages de vos élèves">
        {e.next.map((r) => (
          <tr key={r.id}>
            <td className={s.nowrap}>
              <a href={r.stageUrl}>{formatShortDate(r.date)}</a>
              <br />
              <span className="muted">{formatHours(r.startMinutes, r.endMinutes)}</span>
            </td>
            <td>
              {r.pupil}
              <br />
              <span className="muted">{r.classRoom}</span>
            </td>
            <td>
              {r.formation}
              <br />
              <span className="muted">{r.platform}</span>
            </td>
            <td>{r.statusLabel}</td>
            <td>{r.missing.length ? `Manque : ${r.missing.join(', ')}` : '—'}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <Link href="/etablissement/stages">{e.upcoming > e.next.length ? `Voir les ${e.upcoming} inscriptions à venir` : 'Voir les stages des élèves'}</Link>, classe par
        classe, avec les conventions.
      </p>
    </>
  );
}

function AttendanceMissing({ n }: { n: number }) {
  return (
    <p>
      {plural(n, 'stage passé de cette année attend', 'stages passés de cette année attendent')} que le lycée note la présence de l’élève :{' '}
      <Link href="/etablissement/stages?passes=1">voir les stages passés</Link>.
    </p>
  );
}

function seatsText(p: PlatformOffer): string {
  if (p.withSeats === 0) return p.stages > 1 ? ', tous complets' : ', complet';
  if (p.withSeats === p.stages) return p.stages > 1 ? ', tous avec des places' : ', avec des places';
  return `, dont ${p.withSeats} avec des places`;
}

function Platforms({ platforms, levels }: { platforms: PlatformOffer[]; levels: string[] }) {
  const forWhom = levels.length ? `aux niveaux de vos classes (${levels.join(', ')})` : 'à tous les niveaux';
  if (platforms.length === 0) {
    return (
      <p>
        {levels.length
          ? `Aucun stage à venir n’est ouvert pour l’instant ${forWhom}. Les lycées publient leurs stages au fil de l’année : revenez bientôt, ou cherchez avec `
          : 'Aucun stage à venir n’est ouvert à tous les niveaux. Créez vos classes pour voir les stages proposés à leurs niveaux ; en attendant, cherchez avec '}
        <Link href="/recherche">Rechercher un mini-stage</Link>.
      </p>
    );
  }
  return (
    <>
      <p className="muted">
        Stages à venir ouverts {forWhom}.{levels.length ? null : ' Créez vos classes pour voir aussi les stages réservés à certains niveaux.'}
      </p>
      <ul className={s.platforms}>
        {platforms.map((p) => (
          <li key={p.id}>
            <a href={p.url}>{p.name}</a>
            {p.city ? ` (${p.city})` : ''} — {plural(p.stages, 'stage', 'stages')}
            {seatsText(p)}, le prochain le {formatShortDate(p.nextDate)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function CollegeSpace({ establishment, links, home }: CollegeSpaceProps) {
  return (
    <section className={`card ${s.space}`} aria-labelledby="espace-college">
      <h2 id="espace-college">{establishment.name}</h2>
      <p className="muted">
        {establishment.role} · UAI {establishment.uai}
      </p>
      <ul className={s.links} aria-label="Les pages du collège">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href}>{l.label}</Link>
          </li>
        ))}
      </ul>
      <h3>Les stages de vos élèves</h3>
      {home.enrolments ? (
        <Enrolments e={home.enrolments} />
      ) : (
        <p>Les inscriptions des élèves sont visibles de leur professeur principal, de la direction, de la vie scolaire et du secrétariat du collège.</p>
      )}
      <h3>Les plateformes des lycées</h3>
      <Platforms platforms={home.platforms} levels={home.levels} />
    </section>
  );
}
