// Read model of « Données de l'élève » (the page and its JSON download): the export of one pupil of
// the member's collège, for whoever holds `pupils:data` (establishment from the session). Each read
// is recorded in the audit trail (« pupil.export »): it is a disclosure of a minor's data.
import type { Actor } from '../core/actor.ts';
import { scopeOf } from '../core/scope.ts';
import { exportPupilData, type PupilDataExport } from '../classes/pupil-data.ts';

export type { PupilDataExport };

export function pupilDataFor(actor: Actor, pupilId: string, format: 'json' | 'html'): Promise<PupilDataExport> {
  return exportPupilData(scopeOf(actor, 'pupils:data'), { pupilId, format });
}
