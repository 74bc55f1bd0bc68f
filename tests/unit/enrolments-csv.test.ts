// The « Stagiaires » CSV: what a French spreadsheet opens cleanly, and no formula from typed text.
import { traineesCsv } from '@/lib/enrolments/csv';
import type { TraineeRow } from '@/lib/enrolments/queries';
import { traineeFilters } from '@/lib/enrolments/filters';

const row = (over: Partial<TraineeRow> = {}): TraineeRow => ({
  id: 'e1',
  status: 'CONFIRMED',
  attendance: null,
  convention: null,
  pupil: 'Léa Morel',
  classRoom: '3e A',
  establishment: 'Collège les Ormeaux',
  establishmentId: 'x',
  stage: { id: 's1', date: '2026-12-02', startMinutes: 540, endMinutes: 720, formation: 'Bac pro Métiers de l’électricité', status: 'PUBLISHED' },
  ...over,
});

describe('traineesCsv', () => {
  it('starts with a BOM, separates with « ; », ends lines with CRLF, writes dates in French', () => {
    const csv = traineesCsv([row(), row({ id: 'e2', pupil: 'Hugo Martin', attendance: 'ABSENT', convention: 'SIGNED', status: 'CONFIRMED' })]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Élève;Classe;Collège;Formation;Date;Horaires;Inscription;Convention;Présence');
    expect(lines[1]).toBe('Léa Morel;3e A;Collège les Ormeaux;Bac pro Métiers de l’électricité;02/12/2026;9 h 00 – 12 h 00;Inscrit;Non envoyée;');
    expect(lines[2]).toBe('Hugo Martin;3e A;Collège les Ormeaux;Bac pro Métiers de l’électricité;02/12/2026;9 h 00 – 12 h 00;Inscrit;Signée;Absent');
    expect(lines[3]).toBe('');
  });

  it('quotes a field holding the separator or a quote, and never lets a cell start a formula', () => {
    const csv = traineesCsv([row({ pupil: '=HYPERLINK("http://x")', establishment: 'Collège "Le Parc"; annexe', classRoom: '-3' })]);
    const line = csv.slice(1).split('\r\n')[1];
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")";'-3;"Collège ""Le Parc""; annexe";`)).toBe(true);
  });

  it('says « Stage annulé » for a cancelled stage', () => {
    expect(traineesCsv([row({ stage: { ...row().stage, status: 'CANCELLED' } })])).toContain(';Stage annulé;');
  });
});

describe('traineeFilters', () => {
  it('reads known values and ignores the rest', () => {
    expect(traineeFilters({ statut: 'attente', college: 'abc', par: 'stage', passes: '1' })).toMatchObject({
      status: 'WAITING',
      establishmentId: 'abc',
      group: 'stage',
      past: true,
    });
    expect(traineeFilters({ statut: 'n’importe', par: 'x', passes: ['1', '0'] })).toMatchObject({ status: undefined, group: null, past: true });
    expect(traineeFilters({}).query).toBe('');
    expect(traineeFilters({ statut: 'inscrits', college: 'c1' }).query).toBe('statut=inscrits&college=c1');
  });
});
