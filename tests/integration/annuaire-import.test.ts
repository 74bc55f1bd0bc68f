import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { useTestDb } from '../helpers/db';
import { formatSummary, importAnnuaire } from '@/lib/reference/annuaire';
import { isOfficialAddressOf } from '@/lib/reference/academies';
import { uaiCheckLetter } from '@/lib/reference/uai';

// The real extract (CI has shared/ beside the repository).
// The repo's copy of ../shared/data's extract (prisma/data), so a clone alone runs the tests.
const EXTRACT = path.resolve(process.cwd(), 'prisma/data/annuaire-education-35-extrait.csv');
const ECOLE = '0359999' + uaiCheckLetter('0359999'); // an école: not imported
const db = useTestDb();

/** Counted independently of the importer: the extract has no quoted fields, a plain split will do. */
function countByType() {
  const [header, ...rows] = readFileSync(EXTRACT, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));
  const type = header.indexOf('Type_etablissement');
  const lines: Record<string, number> = {};
  const uais: Record<string, Set<string>> = {};
  for (const r of rows) {
    lines[r[type]] = (lines[r[type]] ?? 0) + 1;
    (uais[r[type]] ??= new Set()).add(r[0]);
  }
  return { lines, unique: Object.fromEntries(Object.entries(uais).map(([t, s]) => [t, s.size])) };
}

describe('import of the Annuaire de l’éducation', () => {
  it('imports the Ille-et-Vilaine extract: 60 collèges, 42 lycée lines for 40 lycées', async () => {
    const counted = countByType();
    expect(counted.lines).toEqual({ Collège: 60, Lycée: 42 });
    expect(counted.unique).toEqual({ Collège: 60, Lycée: 40 }); // two lycées span two lines

    const result = await importAnnuaire({ prisma: db().prisma, source: EXTRACT });
    expect(formatSummary(result)).toBe('imported 100 (60 collèges, 40 lycées, 0 EREA), skipped 0, rejected 0');
    expect(result).toMatchObject({ merged: 2, inserted: 100, updated: 0, unchanged: 0, rejections: [] });

    const prisma = db().prisma;
    expect(await prisma.academy.count()).toBe(30);
    expect(await prisma.establishment.count({ where: { kind: 'COLLEGE' } })).toBe(60);
    expect(await prisma.establishment.count({ where: { kind: 'LYCEE' } })).toBe(40);
    expect(await prisma.establishment.count({ where: { academyCode: 'rennes', departmentCode: '035' } })).toBe(100);

    const cassin = await prisma.establishment.findUniqueOrThrow({ where: { uai: '0350003N' } });
    expect(cassin).toMatchObject({ name: 'Collège René Cassin', city: 'Cancale', isPublic: true, open: true });
    expect(cassin.directoryEmail).toBe('Ce.0350003n@ac-rennes.fr'); // as published
    expect(isOfficialAddressOf(cassin.directoryEmail!, cassin.uai)).toBe(true);
    expect(cassin.openedOn?.toISOString().slice(0, 10)).toBe('1965-05-01');

    // A lycée polyvalent published on two lines (professional and general sections).
    const malo = await prisma.establishment.findUniqueOrThrow({ where: { uai: '0352072M' } });
    expect(malo).toMatchObject({ kind: 'LYCEE', isPublic: false, vocational: true, city: 'Saint-Malo' });
    // An annexe line does not replace the main establishment.
    const assomption = await prisma.establishment.findUniqueOrThrow({ where: { uai: '0350778F' } });
    expect(assomption).toMatchObject({ name: 'Lycée Assomption', city: 'Rennes' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const prisma = db().prisma;
    const before = await prisma.establishment.findMany({ orderBy: { uai: 'asc' } });
    const result = await importAnnuaire({ prisma, source: EXTRACT });
    expect(result).toMatchObject({ imported: 100, inserted: 0, updated: 0, unchanged: 100 });
    expect(await prisma.establishment.findMany({ orderBy: { uai: 'asc' } })).toEqual(before);
  });

  it('updates a changed row, rejects a bad check letter and skips other types', async () => {
    const prisma = db().prisma;
    const lines = readFileSync(EXTRACT, 'utf8').split('\r\n');
    const at = (uai: string) => lines.findIndex((l) => l.startsWith(`${uai};`));
    lines[at('0350003N')] = lines[at('0350003N')].replace('Collège René Cassin', 'Collège René-Cassin');
    const rejectedLine = at('0351847T') + 1;
    lines[at('0351847T')] = lines[at('0351847T')].replace(/^0351847T;/, '0351847V;');
    const ecole = lines[at('0350033W')].replace(';Collège;', ';Ecole;').replace(/^0350033W;/, `${ECOLE};`);
    lines.splice(lines.length - 1, 0, ecole);
    const progress: string[] = [];
    const result = await importAnnuaire({
      prisma,
      source: Readable.from([Buffer.from(lines.join('\r\n'), 'utf8')]),
      onProgress: (p) => progress.push(p.phase),
      batchSize: 30,
    });
    expect(formatSummary(result)).toBe('imported 99 (59 collèges, 40 lycées, 0 EREA), skipped 1, rejected 1');
    expect(result.rejections).toEqual([{ line: rejectedLine, reason: expect.stringMatching(/0351847V.*lettre de contrôle/) }]);
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 98 });
    expect(progress.filter((p) => p === 'write')).toHaveLength(4);
    expect((await prisma.establishment.findUniqueOrThrow({ where: { uai: '0350003N' } })).name).toBe('Collège René-Cassin');
    expect(await prisma.establishment.findUnique({ where: { uai: ECOLE } })).toBeNull();
    expect(await prisma.establishment.count()).toBe(100); // the rejected one stays from the first import
  });

  it('refuses a file that is not the annuaire before writing anything', async () => {
    const prisma = db().prisma;
    const source = Readable.from([Buffer.from('\uFEFFuai;nom\r\n0350031U;Collège\r\n')]);
    await expect(importAnnuaire({ prisma, source })).rejects.toThrow(/^Colonnes manquantes : Identifiant_de_l_etablissement, .*Annuaire de l'éducation$/);
    expect(await prisma.establishment.count()).toBe(100);
  });
});
