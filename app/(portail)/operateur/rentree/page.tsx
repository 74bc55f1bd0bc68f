import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DataTable } from '@/components/ui/DataTable';
import { RolloverPanel } from '@/components/classes/RolloverPanel';
import s from '@/components/classes/classes.module.css';
import type { RolloverSummary } from '@/lib/classes/rollover';
import { rolloverStepAction, startRolloverAction } from '@/lib/classes/rollover-actions';
import { rolloverOverview } from '@/lib/classes/rollover-queries';
import * as clock from '@/lib/core/clock';
import { formatDateTime, parisDay, schoolYearLabel, schoolYearOf } from '@/lib/core/format';
import { requireOperator } from '@/lib/core/guards';

export const metadata: Metadata = { title: 'Rentrée scolaire : clôture de l’année' };

export default async function RolloverPage() {
  await connection();
  const g = await requireOperator('/operateur/rentree');
  if (!g.ok) return g.denied;
  const now = clock.now();
  const { active, runs: rows, yearsWithData } = await rolloverOverview(now);
  const current = schoolYearOf(now);
  const month = Number(parisDay(now).slice(5, 7)); // July and August (in Paris): the year to close is the running one
  const yearSet = new Set([current - 1, current, ...yearsWithData]);
  const years = [...yearSet]
    .filter((y) => y <= current)
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: schoolYearLabel(y) }));
  const running = rows.find((r) => !r.dryRun && !r.finishedAt);
  const runningSummary = running?.summary as unknown as RolloverSummary | undefined;
  const lastDry = rows.find((r) => r.dryRun);
  const drySummary = lastDry?.summary as unknown as RolloverSummary | undefined;
  return (
    <div className="stack">
      <h1>Clôture de l’année scolaire</h1>
      <p>
        Avant la rentrée, la clôture supprime les classes de l’année passée et anonymise ses élèves ; les comptes de l’équipe pédagogique sont conservés, puis les
        collèges recréent leurs classes. Les nouvelles classes appartiennent à l’année {schoolYearLabel(active)}.
      </p>
      <RolloverPanel
        years={years}
        defaultYear={month === 7 || month === 8 ? current : current - 1}
        running={running ? { id: running.id, done: runningSummary?.done ?? 0, total: runningSummary?.total ?? 0, finished: false } : null}
        startAction={startRolloverAction}
        stepAction={rolloverStepAction}
      />
      {drySummary && lastDry ? (
        <section aria-labelledby="simulation">
          <h2 id="simulation">
            Dernière simulation : année {schoolYearLabel(drySummary.schoolYear)} ({formatDateTime(lastDry.startedAt)})
          </h2>
          {drySummary.establishments.length === 0 ? (
            <p>Rien à clôturer pour cette année.</p>
          ) : (
            <DataTable
              columns={['Établissement', 'Classes supprimées', 'Élèves anonymisés', 'Responsables effacés', 'Comptes élèves supprimés', 'Inscriptions conservées']}
              className={s.table}
            >
              {drySummary.establishments.map((e) => (
                <tr key={e.establishmentId ?? 'none'}>
                  <td>
                    {e.name}
                    {e.uai ? ` (${e.uai})` : ''}
                  </td>
                  <td>{e.classes}</td>
                  <td>{e.pupils}</td>
                  <td>{e.guardians}</td>
                  <td>{e.accounts}</td>
                  <td>{e.enrolmentsKept}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
      <section aria-labelledby="historique">
        <h2 id="historique">Historique</h2>
        {rows.length === 0 ? (
          <p>Aucune clôture ni simulation pour l’instant.</p>
        ) : (
          <DataTable columns={['Année', 'Type', 'Lancée', 'Par', 'État']} className={s.table}>
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
          </DataTable>
        )}
      </section>
    </div>
  );
}
