// Month view: weeks from Monday to Sunday, each day with its stages. Staff see a « + » on every day
// that can host a stage: the whole cell opens the creation form for that day (a plain link).
// The cells are written here, on the server; MonthGrid (a client component) lays them out.
import type { StageRow } from '@/lib/stages/queries';
import { formatDay, formatTime } from '@/lib/core/format';
import { monthOf, weekday, type Day } from '@/lib/stages/time';
import { MonthGrid, type DayCells } from './MonthGrid';
import s from './stages.module.css';

const MAX_CHIPS = 4;

export function MonthCalendar(props: { month: string; days: Day[]; byDay: Map<Day, StageRow[]>; today: Day; canCreate: boolean; listHref: string }) {
  const { month, days, byDay, today, canCreate } = props;
  const cells = days.map((day): DayCells => {
    const stages = byDay.get(day) ?? [];
    const sunday = weekday(day) === 0;
    const cls = [monthOf(day) !== month && s.otherMonth, sunday && s.sunday, day === today && s.today].filter(Boolean).join(' ');
    return {
      day,
      label: formatDay(day),
      className: cls || undefined,
      creatable: canCreate && !sunday && day >= today,
      chips: stages.slice(0, MAX_CHIPS).map((r) => ({
        id: r.id,
        time: formatTime(r.startMinutes),
        enrolled: r.enrolledCount,
        capacity: r.capacity,
        cancelled: r.status === 'CANCELLED',
        type: r.formation.type,
        name: r.formation.name,
      })),
      more: Math.max(0, stages.length - MAX_CHIPS),
      count: stages.length,
    };
  });
  const weeks: DayCells[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return <MonthGrid weeks={weeks} listHref={props.listHref} />;
}
