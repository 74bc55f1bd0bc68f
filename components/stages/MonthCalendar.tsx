// Month view: weeks from Monday to Sunday, each day with its stages. Staff see a « + » on every day
// that can host a stage: the whole cell opens the creation form for that day (a plain link).
import Link from 'next/link';
import type { StageRow } from '@/lib/stages/queries';
import { formatDay, formatTime } from '@/lib/core/format';
import { monthOf, weekday, type Day } from '@/lib/stages/time';
import s from './stages.module.css';

const WEEKDAYS = [
  ['Lun', 'lundi'],
  ['Mar', 'mardi'],
  ['Mer', 'mercredi'],
  ['Jeu', 'jeudi'],
  ['Ven', 'vendredi'],
  ['Sam', 'samedi'],
  ['Dim', 'dimanche'],
];
const MAX_CHIPS = 4;

function stageChipClass(r: Pick<StageRow, 'status' | 'enrolledCount' | 'capacity'>) {
  if (r.status === 'CANCELLED') return `${s.chip} ${s.chipCancelled}`;
  return r.enrolledCount >= r.capacity ? `${s.chip} ${s.chipFull}` : s.chip;
}

function Chip({ r }: { r: StageRow }) {
  const state =
    r.status === 'CANCELLED'
      ? 'annulé'
      : r.enrolledCount >= r.capacity
        ? 'complet'
        : `${r.capacity - r.enrolledCount} place${r.capacity - r.enrolledCount > 1 ? 's' : ''}`;
  return (
    <Link
      href={`/stages/${r.id}`}
      prefetch={false}
      className={stageChipClass(r)}
      title={`${r.formation.type} ${r.formation.name} — ${formatTime(r.startMinutes)}, ${r.enrolledCount}/${r.capacity} inscrits`}
    >
      <span className={s.chipLine}>
        <strong>{formatTime(r.startMinutes)}</strong> {r.enrolledCount}/{r.capacity}
        <span className="visually-hidden"> inscrits, {state}, </span>
      </span>
      <span className={s.chipName}>
        {r.formation.type} · {r.formation.name}
      </span>
    </Link>
  );
}

export function MonthCalendar(props: { month: string; days: Day[]; byDay: Map<Day, StageRow[]>; today: Day; canCreate: boolean; listHref: string }) {
  const { month, days, byDay, today, canCreate } = props;
  const weeks: Day[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table className={s.calendar} aria-describedby="calendrier-aide">
      <thead>
        <tr>
          {WEEKDAYS.map(([short, long]) => (
            <th key={short} scope="col">
              <abbr title={long}>{short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const stages = byDay.get(day) ?? [];
              const sunday = weekday(day) === 0;
              const cls = [monthOf(day) !== month && s.otherMonth, sunday && s.sunday, day === today && s.today].filter(Boolean).join(' ');
              const creatable = canCreate && !sunday && day >= today;
              const label = formatDay(day);
              return (
                <td key={day} className={cls || undefined} data-day={day}>
                  <div className={s.dayHead}>
                    <span className={s.dayNumber} aria-hidden="true">
                      {Number(day.slice(8))}
                    </span>
                    <span className="visually-hidden">
                      {label}
                      {stages.length ? ` : ${stages.length} stage${stages.length > 1 ? 's' : ''}` : ''}
                    </span>
                    {creatable ? (
                      <Link
                        href={`/calendrier/nouveau?date=${day}`}
                        prefetch={false}
                        className={s.create}
                        aria-label={`Créer un stage le ${label}`}
                        data-create-day={day}
                      >
                        +
                      </Link>
                    ) : null}
                  </div>
                  {stages.length ? (
                    <ul className={s.chips}>
                      {stages.slice(0, MAX_CHIPS).map((r) => (
                        <li key={r.id}>
                          <Chip r={r} />
                        </li>
                      ))}
                      {stages.length > MAX_CHIPS ? (
                        <li className={s.more}>
                          <Link href={props.listHref}>
                            + {stages.length - MAX_CHIPS} autre{stages.length - MAX_CHIPS > 1 ? 's' : ''}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
