import type { Metadata } from 'next';
import Link from 'next/link';
import { Bars } from '@/components/stages/Bars';
import { StageStatus } from '@/components/stages/StageStatus';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { freshReads } from '@/lib/core/session';
import { sharedDashboardFigures } from '@/lib/stages/dashboard';
import { teacherName } from '@/lib/stages/queries';
import s from '@/components/stages/stages.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { site } = await requireSite();
  return { title: `Tableau de bord — ${site.name}` };
}

export default async function Dashboard() {
  const { site } = await requireSite();
  const d = await sharedDashboardFigures(site.id, await freshReads());
  const { enrolled, available, capacity, stages } = d.filling;
  const pct = capacity ? Math.round((enrolled / capacity) * 100) : 0;
  return (
    <div className="stack">
      <h1>Tableau de bord</h1>
      <section className={s.figure} aria-labelledby="remplissage">
        <p id="remplissage" className={s.figureTitle} data-testid="remplissage">
          REMPLISSAGE DES STAGES : {enrolled} INSCRIT{enrolled > 1 ? 'S' : ''} / {available} DISPO.
        </p>
        <div className={s.meter} role="img" aria-label={`${pct} % des places des stages à venir sont prises`}>
          <span style={{ width: `${pct}%` }} />
        </div>
        <p className="muted">
          {stages} stage{stages > 1 ? 's' : ''} à venir, {capacity} place{capacity > 1 ? 's' : ''} au total : {enrolled} élève{enrolled > 1 ? 's' : ''} inscrit
          {enrolled > 1 ? 's' : ''}, {available} place{available > 1 ? 's' : ''} disponible{available > 1 ? 's' : ''}.
        </p>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="top-filieres">
          <div className={s.cardHead}>
            <h2 id="top-filieres">TOP 5 FILIÈRES</h2>
            <Link href="/liste">Voir tout</Link>
          </div>
          <Bars items={d.topFormations} unit="inscrits" empty="Aucun stage publié cette année scolaire." />
        </section>
        <section className="card" aria-labelledby="top-etablissements">
          <div className={s.cardHead}>
            <h2 id="top-etablissements">TOP 5 ÉTABLISSEMENTS</h2>
            <Link href="/stagiaires">Voir tout</Link>
          </div>
          <Bars items={d.topEstablishments} unit="élèves inscrits" empty="Aucun collège n’a encore inscrit d’élève cette année scolaire." />
        </section>
      </div>
      <section className="card" aria-labelledby="a-venir">
        <div className={s.cardHead}>
          <h2 id="a-venir">STAGE À VENIR</h2>
          <Link href="/liste">Voir tout{d.upcomingTotal ? ` (${d.upcomingTotal})` : ''}</Link>
        </div>
        {d.upcoming.length === 0 ? (
          <p className="muted">Aucun stage à venir. Les enseignants du lycée publient les stages depuis le calendrier.</p>
        ) : (
          <ul className={s.upcoming}>
            {d.upcoming.map((r) => (
              <li key={r.id}>
                <Link href={`/stages/${r.id}`} prefetch={false}>
                  {formatDay(r.date)}
                </Link>
                <span>{formatHours(r.startMinutes, r.endMinutes)}</span>
                <span>
                  {r.formation.type} {r.formation.name} <span className="muted">· {teacherName(r.teacher)}</span>
                </span>
                <span>
                  {r.enrolledCount} / {r.capacity} <StageStatus r={r} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">
        Ajoutez les stages de la plateforme à votre agenda : <a href="/api/ics">abonnement au calendrier (ICS)</a>. Les chiffres portent sur les stages publiés ; les tops
        comptent l’année scolaire en cours (depuis le 1er septembre).
      </p>
    </div>
  );
}
