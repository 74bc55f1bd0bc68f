import type { Metadata } from 'next';
import { connection } from 'next/server';
import { RolloverPanel } from '@/components/classes/RolloverPanel';
import s from '@/components/classes/classes.module.css';
import { formatDateTime } from '@/lib/classes/format';
import { signedInPage } from '@/lib/classes/page-access';
import type { RolloverSummary } from '@/lib/classes/rollover';
import { rolloverStepAction, startRolloverAction } from '@/lib/classes/rollover-actions';
import { activeSchoolYear, currentSchoolYear, schoolYearLabel } from '@/lib/reference/school-year';
import { prisma } from '@/lib/core/db';
import { can } from '@/lib/core/permissions';
import * as clock from '@/lib/core/clock';

export const metadata: Metadata = { title: 'Rentrée scolaire : clôture de l’année' };

export default async function RolloverPage() {
  await connection();
  const actor = await signedInPage('/operateur/rentree');
  if (!can(actor, 'platform:operate')) {
    return (
      <div className="stack">
        <h1>Clôture de l’année scolaire</h1>
        <p>Cette page est réservée à l’équipe technique de la plateforme.</p>
      </div>
    );
  }
  const now = clock.now();
  const [active, rows, classYears, pupilYears] = await Promise.all([
    activeSchoolYear(prisma, now),
    prisma.rollover.findMany({ orderBy: { startedAt: 'desc' }, take: 10, include: { startedBy: { select: { login: true } } } }),
    prisma.classRoom.findMany({ select: { schoolYear: true }, distinct: ['schoolYear'] }),
    prisma.pupil.findMany({ where: { anonymisedAt: null }, select: { schoolYear: true }, distinct: ['schoolYear'] }),
  ]);
  const current = currentSchoolYear(now);
  const yearSet = new Set([current - 1, current, ...classYears.map((c) => c.schoolYear), ...pupilYears.map((p) => p.schoolYear)]);
  const years = [...yearSet].filter((y) => y <= current).sort((a, b) => b - a).map((y) => ({ value: y, label: schoolYearLabel(y) }));
  const running = rows.find((r) => !r.dryRun && !r.finishedAt);
  const runningSummary = running?.summary as unknown as RolloverSummary | undefined;
  const lastDry = rows.find((r) => r.dryRun);
  const drySummary = lastDry?.summary as unknown as RolloverSummary | undefined;
  return (
    <div className="stack">
      <h1>Clôture de l’année scolaire</h1>
      <p>
        Avant la rentrée, la clôture supprime les classes de l’année passée et anonymise ses élèves ; les comptes de l’équipe pédagogique
        sont conservés, puis les collèges recréent leurs classes. Les nouvelles classes appartiennent à l’année {schoolYearLabel(active)}.
      </p>
      <RolloverPanel
        years={years}
        defaultYear={now.getMonth() >= 6 && now.getMonth() < 8 ? current : current - 1}
        running={running ? { id: running.id, done: runningSummary?.done ?? 0, total: runningSummary?.total ?? 0, finished: false } : null}
        startAction={startRolloverAction}
        stepAction={rolloverStepAction}
      />
      {drySummary && lastDry ? (
        <section aria-labelledby="simulation">
          <h2 id="simulation">Dernière simulation : année {schoolYearLabel(drySummary.schoolYear)} ({formatDateTime(lastDry.startedAt)})</h2>
          {drySummary.establishments.length === 0 ? <p>Rien à clôturer pour cette année.</p> : (
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead><tr><th scope="col">Établissement</th><th scope="col">Classes supprimées</th><th scope="col">Élèves anonymisés</th><th scope="col">Responsables effacés</th><th scope="col">Comptes élèves supprimés</th><th scope="col">Inscriptions conservées</th></tr></thead>
                <tbody>
                  {drySummary.establishments.map((e) => (
                    <tr key={e.establishmentId ?? 'none'}>
                      <td>{e.name}{e.uai ? ` (${e.uai})` : ''}</td><td>{e.classes}</td><td>{e.pupils}</td><td>{e.guardians}</td><td>{e.accounts}</td><td>{e.enrolmentsKept}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <section aria-labelledby="historique">
        <h2 id="historique">Historique</h2>
        {rows.length === 0 ? <p>Aucune clôture ni simulation pour l’instant.</p> : (
          <table className={s.table}>
            <thead><tr><th scope="col">Année</th><th scope="col">Type</th><th scope="col">Lancée</th><th scope="col">Par</th><th scope="col">État</th></tr></thead>
            <tbody>
              {rows.map((r) => {
                const sum = r.summary as unknown as RolloverSummary | null;
                return (
                  <tr key={r.id}>
                    <td>{schoolYearLabel(r.schoolYear)}</td>
                    <td>{r.dryRun ? 'Simulation' : 'Clôture'}</td>
                    <td>{formatDateTime(r.startedAt)}</td>
                    <td>{r.startedBy?.login ?? '—'}</td>
                    <td>{r.finishedAt ? `Terminée (${sum?.done ?? 0} établissement(s))` : `En cours : ${sum?.done ?? 0} / ${sum?.total ?? '?'}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
