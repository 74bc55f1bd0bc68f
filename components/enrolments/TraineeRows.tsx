'use client';
// The rows of « Stagiaires », rendered from text cells that the page formats on the server: the
// page's React payload carries each enrolment's data (about 300 bytes) rather than its element tree
// (measured on the bench platform's 100 rows: see README « Benchmarks »).
import Link from 'next/link';
import { ConvButton } from '@/components/conventions/ConvButton';
import type { CONVENTION_LABEL } from '@/lib/enrolments/labels';
import s from '@/components/stages/stages.module.css';

export type TraineeCells = {
  id: string;
  pupil: string;
  classRoom: string;
  establishment: string;
  stageId: string;
  day: string;
  formation: string;
  hours: string;
  state: string;
  /** The convention's state; null: no convention (not enrolled, or the stage is cancelled). */
  convention: keyof typeof CONVENTION_LABEL | null;
  attendance: string;
};

export function TraineeRows({ rows }: { rows: TraineeCells[] }) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td>{r.pupil}</td>
      <td>{r.classRoom}</td>
      <td>{r.establishment}</td>
      <td>
        <Link href={`/stages/${r.stageId}`}>{r.day}</Link>
        <br />
        <span className="muted">{r.formation}</span>
      </td>
      <td className={s.nowrap}>{r.hours}</td>
      <td>{r.state}</td>
      <td>{r.convention ? <ConvButton enrolmentId={r.id} pupil={r.pupil} status={r.convention} page={`/conventions/${r.id}`} /> : '—'}</td>
      <td>{r.attendance}</td>
    </tr>
  ));
}
