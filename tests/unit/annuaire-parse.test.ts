import { Readable } from 'node:stream';
import { readCsv, type CsvRecord } from '@/lib/reference/csv';
import { AnnuaireFormatError, parseAnnuaire, type AnnuaireEvent } from '@/lib/reference/annuaire';
import { ANNUAIRE_COLUMNS, kindOfType } from '@/lib/reference/annuaire-format';

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** The source cut into chunks of `size` bytes (1 = every possible split point). */
const chunked = (text: string, size: number) => {
  const buf = bytes(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
};
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readCsv', () => {
  const text = '\uFEFFa;b;c\r\n1;"x;y";"il a dit ""non"""\r\n2;"deux\r\nlignes";é\r\n\r\n3;;\r\n';
  const expected: CsvRecord[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x;y', 'il a dit "non"'] },
    { line: 3, fields: ['2', 'deux\r\nlignes', 'é'] },
    { line: 6, fields: ['3', '', ''] },
  ];

  it('drops the BOM, splits CRLF lines and reads quoted fields', async () => {
    expect(await collect(readCsv(Readable.from([bytes(text)])))).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 5, 7]) expect(await collect(readCsv(chunked(text, size)))).toEqual(expected);
  });

  it('reads back any quoted content, cut anywhere (generated cases)', async () => {
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', 'b', ';', '"', '""', '\r\n', '\n', 'é', '€', ' '];
    const rows = Array.from({ length: 60 }, () =>
      Array.from({ length: 2 + random(4) }, () => Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('')),
    );
    const quote = (f: string) => (/[;"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const text = '\uFEFF' + rows.map((r) => r.map(quote).join(';')).join('\r\n');
    for (const size of [1, 2, 3, 4, 11, 64, 4096]) {
      const records = await collect(readCsv(chunked(text, size)));
      expect(records.map((r) => r.fields)).toEqual(rows);
    }
  });

  it('accepts LF line ends, string chunks and a missing final line break', async () => {
    expect(await collect(readCsv(Readable.from(['a;b\n1;', '2'])))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('flags a quote left open at the end of the file', async () => {
    const records = await collect(readCsv(Readable.from(['a;b\r\n1;"open\r\n'])));
    expect(records[1]).toMatchObject({ line: 2, unterminated: true });
  });
});

// A small file in the annuaire's format: every column the import reads, plus a few it ignores.
const HEADER = ['Fax', ...Object.values(ANNUAIRE_COLUMNS), 'Code_academie'];
function line(values: Partial<Record<string, string>>): string {
  const base: Record<string, string> = {
    Identifiant_de_l_etablissement: '0350003N',
    Nom_etablissement: 'Collège René Cassin',
    Type_etablissement: 'Collège',
    Statut_public_prive: 'Public',
    Adresse_1: '56 rue de Saint-Malo',
    'Code postal': '35260',
    Code_commune: '35049',
    Nom_commune: 'Cancale',
    Code_departement: '035',
    Libelle_academie: 'Rennes',
    Mail: 'Ce.0350003n@ac-rennes.fr',
    Segpa: '1',
    ULIS: '0',
    latitude: '48.68',
    longitude: '-1.85',
    date_ouverture: '1965-05-01',
    etat: 'OUVERT',
    libelle_nature: 'COLLEGE',
  };
  return HEADER.map((h) => ({ ...base, ...values })[h] ?? '').join(';');
}
const file = (...rows: string[]) => '\uFEFF' + [HEADER.join(';'), ...rows].join('\r\n') + '\r\n';
const parse = (text: string) => collect(parseAnnuaire(Readable.from([bytes(text)])));

describe('parseAnnuaire', () => {
  it('maps a collège line to Establishment fields', async () => {
    const [event] = await parse(file(line({})));
    expect(event).toEqual({
      type: 'row',
      line: 2,
      row: {
        uai: '0350003N',
        name: 'Collège René Cassin',
        kind: 'COLLEGE',
        isPublic: true,
        natureLabel: 'COLLEGE',
        address1: '56 rue de Saint-Malo',
        address2: null,
        address3: null,
        postalCode: '35260',
        city: 'Cancale',
        cityCode: '35049',
        departmentCode: '035',
        academyCode: 'rennes',
        phone: null,
        directoryEmail: 'Ce.0350003n@ac-rennes.fr',
        website: null,
        vocational: false,
        lyceeDesMetiers: false,
        segpa: true,
        ulis: false,
        latitude: 48.68,
        longitude: -1.85,
        open: true,
        openedOn: '1965-05-01',
      },
    });
  });

  it('keeps collèges, lycées and EREA and skips the other types', async () => {
    expect(kindOfType('Lycée')).toBe('LYCEE');
    expect(kindOfType('EREA')).toBe('EREA');
    expect(kindOfType('Ecole')).toBeNull();
    const events = await parse(
      file(
        line({
          Type_etablissement: 'Lycée',
          Identifiant_de_l_etablissement: '0352958A',
          Statut_public_prive: 'Privé',
          Voie_professionnelle: '1',
          Lycee_des_metiers: '1',
        }),
        line({ Type_etablissement: 'Ecole', Identifiant_de_l_etablissement: '0350031U' }),
        line({ Type_etablissement: 'EREA', Identifiant_de_l_etablissement: '0490003M', Code_departement: '49', Libelle_academie: 'Nantes', etat: 'A FERMER' }),
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['row', 'skipped', 'row']);
    const [lycee, , erea] = events as Extract<AnnuaireEvent, { type: 'row' }>[];
    expect(lycee.row).toMatchObject({ kind: 'LYCEE', isPublic: false, vocational: true, lyceeDesMetiers: true });
    expect(erea.row).toMatchObject({ kind: 'EREA', departmentCode: '049', academyCode: 'nantes', open: false });
  });

  it('rejects bad check letters, malformed lines and open quotes, with their line numbers', async () => {
    const events = await parse(
      file(
        line({ Identifiant_de_l_etablissement: '0350003P' }),
        line({}) + ';en trop',
        line({ Identifiant_de_l_etablissement: '350003N' }),
        line({ Identifiant_de_l_etablissement: '0350031U', Nom_etablissement: '"Collège ""Le Phare""; Rennes"' }),
        line({ Identifiant_de_l_etablissement: '0352958A', Nom_etablissement: '"Collège sans fin' }),
      ),
    );
    expect(events.map((e) => [e.type, e.line])).toEqual([
      ['rejected', 2],
      ['rejected', 3],
      ['rejected', 4],
      ['row', 5],
      ['rejected', 6],
    ]);
    const reasons = events.filter((e) => e.type === 'rejected').map((e) => (e as { reason: string }).reason);
    expect(reasons[0]).toMatch(/lettre de contrôle incorrecte \(N attendu\)/);
    expect(reasons[1]).toMatch(new RegExp(`${HEADER.length + 1} colonnes au lieu de ${HEADER.length}`));
    expect(reasons[2]).toMatch(/mal formé/);
    expect(reasons[3]).toMatch(/guillemet/);
    expect((events[3] as Extract<AnnuaireEvent, { type: 'row' }>).row.name).toBe('Collège "Le Phare"; Rennes');
  });

  it('names the missing columns in French', async () => {
    const header = HEADER.filter((h) => h !== 'Mail' && h !== 'etat').join(';');
    const error = await parse(`${header}\r\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnnuaireFormatError);
    expect((error as Error).message).toBe("Colonnes manquantes : Mail, etat ; ce fichier n'est pas au format de l'Annuaire de l'éducation");
    await expect(parse('nom;prenom\r\nDupont;Jean\r\n')).rejects.toThrow(/Identifiant_de_l_etablissement/);
    await expect(parse('')).rejects.toThrow(AnnuaireFormatError);
  });
});
