// A stage's state as a badge: « Annulé », « Complet » or « N places ». No server import: the list's
// client rows (StageRows) show it as the server pages do.
import s from './stages.module.css';

export type StageState = { status: string; enrolledCount: number; capacity: number };

export function StageStatus({ r }: { r: StageState }) {
  if (r.status === 'CANCELLED') return <span className={`${s.status} ${s.statusCancelled}`}>Annulé</span>;
  if (r.enrolledCount >= r.capacity) return <span className={`${s.status} ${s.statusFull}`}>Complet</span>;
  const left = r.capacity - r.enrolledCount;
  return (
    <span className={`${s.status} ${s.statusFree}`}>
      {left} place{left > 1 ? 's' : ''}
    </span>
  );
}
