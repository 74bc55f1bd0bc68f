import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { ButtonLink } from '@/components/ui/Button';
import { MonthCalendar } from '@/components/stages/MonthCalendar';
import { StageFilters } from '@/components/stages/StageFilters';
import { formatDay, formatMonth, parisClock } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { freshReads } from '@/lib/core/session';
import { can } from '@/lib/core/permissions';
import { filtersQuery, parseFilters, type SearchParams } from '@/lib/stages/filters';
import { stageReads } from '@/lib/stages/queries';
import { holidayWarning } from '@/lib/stages/rules';
import { addMonths, monthOf } from '@/lib/stages/time';
import s from '@/components/stages/stages.module.css';

export const metadata: Metadata = { title: 'Calendrier des stages' };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor, site } = await requireSite();
  const sp = await searchParams;
  const filters = parseFilters(sp);
  const today = parisClock().day;
  const month = filters.mois ?? monthOf(today);
  const staff = can(actor, 'stages:publish');
  const { stageContext, calendarMonth, getStage } = stageReads(await freshReads());
  const [ctx, cal] = await Promise.all([stageContext(site.id), calendarMonth(site.id, month, filters)]);
  const publishedId = typeof sp.publie === 'string' ? sp.publie : null;
  const published = publishedId ? await getStage(site.id, publishedId).catch(() => null) : null; // a hand-edited ?publie= is ignored
  const link = (m: string) => `/calendrier${filtersQuery(filters, { mois: m })}`;
  return (
    <div className="stack">
      <h1>Calendrier des stages</h1>
      {published ? (
        <>
          <Alert tone="success">
            Le stage « {published.formation.type} {published.formation.name} » du {formatDay(published.date)} est publié.{' '}
            <Link href={`/stages/${published.id}`}>Voir le stage</Link>
          </Alert>
          {holidayWarning(published.date, ctx.zone) ? <Alert tone="warning">{holidayWarning(published.date, ctx.zone)}</Alert> : null}
        </>
      ) : null}
      <div className={s.layout}>
        <StageFilters filters={filters} context={ctx} action="/calendrier" keep={{ mois: filters.mois }} />
        <section aria-labelledby="mois-affiche">
          <div className={s.toolbar}>
            <h2 id="mois-affiche" className={s.month} aria-live="polite">
              {formatMonth(month)}
            </h2>
            <nav className={s.nav} aria-label="Changer de mois">
              <ButtonLink href={link(addMonths(month, -1))} variant="secondary" small>
                ‹ Mois précédent
              </ButtonLink>
              <ButtonLink href={link(monthOf(today))} variant="secondary" small>
                Aujourd’hui
              </ButtonLink>
              <ButtonLink href={link(addMonths(month, 1))} variant="secondary" small>
                Mois suivant ›
              </ButtonLink>
            </nav>
          </div>
          <p id="calendrier-aide" className={s.hint}>
            {staff ? 'Pour créer un stage, cliquez directement sur le jour souhaité.' : 'Cliquez sur un stage pour voir son détail et ses places disponibles.'}{' '}
            {cal.total} stage{cal.total > 1 ? 's' : ''} affiché{cal.total > 1 ? 's' : ''} sur ces semaines.
          </p>
          <MonthCalendar
            month={month}
            days={cal.days}
            byDay={cal.byDay}
            today={today}
            canCreate={staff}
            listHref={`/liste${filtersQuery({ ...filters, mois: undefined })}`}
          />
          <p className={s.legend} aria-hidden="true">
            <span className={s.legendFree}>Places disponibles</span>
            <span className={s.legendFull}>Complet</span>
            <span className={s.legendCancelled}>Annulé</span>
          </p>
          {cal.total === 0 ? (
            <p className="muted">Aucun stage ce mois-ci{filters.filiere || filters.type || filters.enseignant || filters.horaires ? ' avec ces filtres' : ''}.</p>
          ) : null}
        </section>
      </div>
    </div>
  );
}
