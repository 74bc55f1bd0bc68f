'use client';
// The acts on one enrolment in the stage window: cancel it (the collège for its pupils, the lycée
// for any), note présent / absent (the lycée's staff, from the stage's day on).
import { ActionButton } from '@/components/ui/ActionButton';
import { attendanceAction, cancelEnrolmentAction } from '@/lib/enrolments/actions';
import s from './enrolments.module.css';

export function EnrolmentActions(props: { enrolmentId: string; pupil: string; canCancel: boolean; attendance: 'PRESENT' | 'ABSENT' | null; canMark: boolean }) {
  const { enrolmentId, pupil } = props;
  return (
    <div className={s.rowActions}>
      {props.canMark ? (
        <>
          <ActionButton
            action={attendanceAction}
            input={{ enrolmentId, attendance: 'PRESENT' }}
            label={<span aria-label={`${pupil} présent`}>Présent</span>}
            variant={props.attendance === 'PRESENT' ? 'primary' : 'secondary'}
          />
          <ActionButton
            action={attendanceAction}
            input={{ enrolmentId, attendance: 'ABSENT' }}
            label={<span aria-label={`${pupil} absent`}>Absent</span>}
            variant={props.attendance === 'ABSENT' ? 'danger' : 'secondary'}
            success={props.attendance === 'ABSENT' ? undefined : 'Absence notée : le collège est prévenu par email.'}
          />
        </>
      ) : null}
      {props.canCancel ? (
        <ActionButton
          action={cancelEnrolmentAction}
          input={{ enrolmentId }}
          label={<span aria-label={`Annuler l’inscription de ${pupil}`}>Annuler l’inscription</span>}
          confirm={`Annuler l’inscription de ${pupil} ? La place est libérée aussitôt.`}
          confirmLabel="Confirmer l’annulation"
          variant="danger"
        />
      ) : null}
    </div>
  );
}
