// « Export CSV » of « Stagiaires »: what a French spreadsheet opens cleanly — UTF-8 with a BOM,
// `;` between fields, CRLF line ends, dates as jj/mm/aaaa. Written by csv-stringify (quoting included).
import { stringify } from 'csv-stringify/sync';
import { formatHours, formatNumericDate } from '../core/format.ts';
import { ATTENDANCE_LABEL, CONVENTION_LABEL, ENROLMENT_STATUS, type TraineeRow } from './queries.ts';

const COLUMNS = ['Élève', 'Classe', 'Collège', 'Formation', 'Date', 'Horaires', 'Inscription', 'Convention', 'Présence'];

/** A spreadsheet runs a cell starting with = + - @ as a formula: typed text never starts so. */
const text = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

export function traineesCsv(rows: readonly TraineeRow[]): string {
  const records = rows.map((r) => [
    text(r.pupil),
    text(r.classRoom),
    text(r.establishment),
    text(r.stage.formation),
    formatNumericDate(r.stage.date),
    formatHours(r.stage.startMinutes, r.stage.endMinutes),
    r.stage.status === 'CANCELLED' ? 'Stage annulé' : ENROLMENT_STATUS[r.status],
    r.convention ? CONVENTION_LABEL[r.convention] : CONVENTION_LABEL.DRAFT,
    r.attendance ? ATTENDANCE_LABEL[r.attendance] : '',
  ]);
  return stringify([COLUMNS, ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}
