'use client';
// The month grid of the calendar, rendered from the cells MonthCalendar prepares on the server (days
// and hours already written in French): the page's React payload carries each day's data, not its
// element tree — the calendar of a busy platform stays light to send and to render.
import Link from 'next/link';
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

type ChipCells = { id: string; time: string; enrolled: number; capacity: number; cancelled: boolean; type: string; name: string };

export type DayCells = {
  day: string;
  /** « mercredi 12 mars 2027 ». */
  label: string;
  className?: string;
  /** Staff, a day that can host a stage: the « + » that opens the creation form. */
  creatable: boolean;
  chips: ChipCells[];
  /** Stages of the day beyond the chips shown (a link to the list). */
  more: number;
  /** Every stage of the day, shown or not (for screen readers). */
  count: number;
};

function Chip({ r }: { r: ChipCells }) {
  const full = r.enrolled >= r.capacity;
  const left = r.capacity - r.enrolled;
  const state = r.cancelled ? 'annulé' : full ? 'complet' : `${left} place${left > 1 ? 's' : ''}`;
  const cls = r.cancelled ? `${s.chip} ${s.chipCancelled}` : full ? `${s.chip} ${s.chipFull}` : s.chip;
  return (
    <Link href={`/stages/${r.id}`} prefetch={false} className={cls} title={`${r.type} ${r.name} — ${r.time}, ${r.enrolled}/${r.capacity} inscrits`}>
      <span className={s.chipLine}>
        <strong>{r.time}</strong> {r.enrolled}/{r.capacity}
        <span className="visually-hidden"> inscrits, {state}, </span>
      </span>
      <span className={s.chipName}>
        {r.type} · {r.name}
      </span>
    </Link>
  );
}

export function MonthGrid({ weeks, listHref }: { weeks: DayCells[][]; listHref: string }) {
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
          <tr key={week[0].day}>
            {week.map((d) => (
              <td key={d.day} className={d.className} data-day={d.day}>
                <div className={s.dayHead}>
                  <span className={s.dayNumber} aria-hidden="true">
                    {Number(d.day.slice(8))}
                  </span>
                  <span className="visually-hidden">
                    {d.label}
                    {d.count ? ` : ${d.count} stage${d.count > 1 ? 's' : ''}` : ''}
                  </span>
                  {d.creatable ? (
                    <Link
                      href={`/calendrier/nouveau?date=${d.day}`}
                      prefetch={false}
                      className={s.create}
                      aria-label={`Créer un stage le ${d.label}`}
                      data-create-day={d.day}
                    >
                      +
                    </Link>
                  ) : null}
                </div>
                {d.count ? (
                  <ul className={s.chips}>
                    {d.chips.map((r) => (
                      <li key={r.id}>
                        <Chip r={r} />
                      </li>
                    ))}
                    {d.more ? (
                      <li className={s.more}>
                        <Link href={listHref}>
                          + {d.more} autre{d.more > 1 ? 's' : ''}
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
