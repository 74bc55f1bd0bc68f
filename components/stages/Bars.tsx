// A simple horizontal bar chart (CSS): one bar per item, proportional to the largest value.
import type { RankedItem } from '@/lib/stages/dashboard';
import s from './stages.module.css';

export function Bars({ items, empty, unit }: { items: RankedItem[]; empty: string; unit: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const max = Math.max(1, ...items.map((i) => i.enrolled));
  return (
    <ol className={s.bars}>
      {items.map((i) => (
        <li key={i.id}>
          <div className={s.barLabel}>
            <strong>{i.label}</strong>
            <span>
              {i.enrolled}
              <span className="visually-hidden"> {unit}</span>
            </span>
          </div>
          <div className={s.barTrack} aria-hidden="true">
            <span className={s.barFill} style={{ width: `${Math.round((i.enrolled / max) * 100)}%` }} />
          </div>
          <span className={s.barDetail}>{i.detail}</span>
        </li>
      ))}
    </ol>
  );
}
