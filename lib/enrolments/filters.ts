// The « Stagiaires » filters, read from the page's query string (or the CSV link's): unknown values
// are ignored, never an error.
import { firstParam } from '../core/text.ts';
import type { EnrolmentStatusName, TraineeFilters } from './queries.ts';

export type TraineeSearch = Record<string, string | string[] | undefined>;

const STATUS: Record<string, EnrolmentStatusName> = { inscrits: 'CONFIRMED', attente: 'WAITING', annules: 'CANCELLED' };

export function traineeFilters(sp: TraineeSearch): TraineeFilters & { group: 'stage' | 'etablissement' | null; query: string } {
  const status = STATUS[firstParam(sp.statut)];
  const establishmentId = firstParam(sp.college, 40) || undefined;
  const group = firstParam(sp.par);
  return {
    past: firstParam(sp.passes) === '1',
    status,
    establishmentId,
    group: group === 'stage' || group === 'etablissement' ? group : null,
    query: new URLSearchParams(
      Object.entries({ passes: firstParam(sp.passes) === '1' ? '1' : '', statut: status ? firstParam(sp.statut) : '', college: establishmentId ?? '' }).filter(
        ([, v]) => v,
      ),
    ).toString(),
  };
}
