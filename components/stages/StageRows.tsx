'use client';
// The rows of « Liste des stages », rendered from text cells that StageTable formats on the server:
// the page's React payload then carries about 200 bytes of data per stage instead of its element
// tree (the bench platform's list: 108 → 72 KB a page, README « Benchmarks »).
import Link from 'next/link';
import { StageStatus } from './StageStatus';
import s from './stages.module.css';

/** One stage as the list shows it (formatted by the server: no date library in the browser). */
export type StageCells = {
  id: string;
  date: string;
  hours: string;
  formation: string;
  type: string;
  teacher: string;
  status: string;
  enrolledCount: number;
  capacity: number;
};

export function StageRows({ rows }: { rows: StageCells[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={s.nowrap}>
            <Link href={`/stages/${r.id}`} prefetch={false}>
              {r.date}
            </Link>
          </td>
          <td className={s.nowrap}>{r.hours}</td>
          <td>{r.formation}</td>
          <td>{r.type}</td>
          <td>{r.teacher}</td>
          <td className={s.num}>
            {r.enrolledCount} / {r.capacity}
          </td>
          <td>
            <StageStatus r={r} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
