// npx tsx scripts/bench-import.ts [rows]
// Benchmark of the annuaire import at national size: writes a synthetic CSV in the official
// format (65,000 lines, ~11,000 collèges/lycées/EREA, valid UAIs, BOM, CRLF, some quoted fields)
// to /tmp, imports it into a fresh PGlite directory in /tmp, imports it again (idempotent run)
// and prints rows per second. Leaves nothing behind.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrisma } from '../lib/core/db.ts';
import { ACADEMIES } from '../lib/reference/academies.ts';
import { formatSummary, importAnnuaire, parseAnnuaire } from '../lib/reference/annuaire.ts';
import { uaiCheckLetter } from '../lib/reference/uai.ts';
import { deployMigrations } from '../prisma/migrate.ts';

const HEADER =
  'Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Ecole_maternelle;Ecole_elementaire;Voie_generale;Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;Hebergement;ULIS;Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;Type_contrat_prive;Libelle_departement;Libelle_academie;Libelle_region;coordonnee_X;coordonnee_Y;epsg;nom_circonscription;latitude;longitude;precision_localisation;date_ouverture;date_maj_ligne;etat;ministere_tutelle;etablissement_multi_lignes;rpi_concentre;rpi_disperse;code_nature;libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;type_rattachement_etablissement_mere;code_bassin_formation;libelle_bassin_formation';

// Proportions of the national file: ~7,000 collèges, ~4,000 lycées, ~80 EREA out of ~65,000.
const TYPES: [string, string, number][] = [
  ['Collège', 'COLLEGE', 0.108],
  ['Lycée', 'LYCEE POLYVALENT', 0.061],
  ['EREA', 'ETABLISSEMENT REGIONAL D ENSEIGNEMENT ADAPTE', 0.0012],
  ['Ecole', 'ECOLE DE NIVEAU ELEMENTAIRE', 0.74],
  ['Médico-social', 'INSTITUT MEDICO-EDUCATIF', 0.04],
  ['Service Administratif', 'INSPECTION EDUCATION NATIONALE', 0.03],
  ['Information et orientation', "CENTRE D'INFORMATION ET D'ORIENTATION", 1],
];

const perDepartment = new Map<string, number>();

function row(i: number): string {
  const academy = ACADEMIES[i % ACADEMIES.length];
  const dep = academy.departments[Math.floor(i / ACADEMIES.length) % academy.departments.length];
  const n = (perDepartment.get(dep) ?? 0) + 1; // unique UAIs: a sequence per département
  perDepartment.set(dep, n);
  const digits = `${dep === '02A' ? '620' : dep === '02B' ? '720' : dep}${String(n).padStart(4, '0')}`;
  const uai = digits + uaiCheckLetter(digits);
  let r = ((i * 2654435761) % 2 ** 32) / 2 ** 32;
  const [type, nature] = TYPES.find(([, , p]) => (r -= p) < 0) ?? TYPES[TYPES.length - 1];
  const name = i % 50 === 0 ? `"${type} ""Les Tilleuls""; site ${i}"` : `${type} Jean Moulin ${i}`;
  const cp = `${dep.replace(/^0/, '').replace(/[AB]/, '0')}${String(i % 1000).padStart(3, '0')}`;
  const fields = [
    uai,
    name,
    type,
    i % 4 ? 'Public' : 'Privé',
    `${i % 200} rue de la République`,
    i % 5 ? '' : 'BP 12',
    '',
    cp,
    cp,
    `Commune ${i % 3000}`,
    dep,
    '14',
    '53',
    '0',
    '0',
    '1',
    '0',
    String(i % 3 === 0 ? 1 : 0),
    '02 99 00 00 00',
    '02 99 00 00 01',
    `https://etab-${i}.example.fr`,
    `ce.${uai.toLowerCase()}@${academy.emailDomain}`,
    '1',
    '0',
    String(i % 4 === 0 ? 1 : 0),
    '0',
    String(i % 5 === 0 ? 1 : 0),
    '0',
    '0',
    '0',
    '0',
    '0',
    '1',
    '0',
    '0',
    String(i % 17 === 0 ? 1 : 0),
    '0',
    '',
    '0',
    '19350031300012',
    '450',
    'https://www.onisep.fr/http/redirection/etablissement/slug/ENS.1852',
    '48.1, -1.6',
    'SANS OBJET',
    'Département',
    academy.name,
    'Région',
    '351000.1',
    '6789000.2',
    'EPSG:2154',
    '',
    `${47 + (i % 300) / 100}`,
    `${-2 + (i % 400) / 100}`,
    'Numéro de rue',
    '1970-09-01',
    '2025-06-08',
    i % 97 ? 'OUVERT' : 'A FERMER',
    "MINISTERE DE L'EDUCATION NATIONALE",
    '0',
    '0',
    '',
    '340',
    nature,
    '99',
    '',
    '',
    '',
    '',
    '',
  ];
  return fields.join(';');
}

async function main() {
  const total = Number(process.argv[2] ?? 65_000);
  const work = mkdtempSync(join(tmpdir(), 'ministage-bench-'));
  const csv = join(work, 'annuaire-national.csv');
  const lines = ['\uFEFF' + HEADER];
  for (let i = 1; i <= total; i++) lines.push(row(i));
  writeFileSync(csv, lines.join('\r\n') + '\r\n');
  console.log(`CSV synthétique : ${total} lignes → ${csv}`);

  const t = performance.now();
  let parsed = 0;
  for await (const _ of parseAnnuaire(csv)) parsed++;
  console.log(`lecture seule : ${parsed} lignes en ${((performance.now() - t) / 1000).toFixed(2)} s`);

  const target = { kind: 'pglite' as const, dir: join(work, 'pglite') };
  await deployMigrations(target);
  const { prisma, pglite } = createPrisma(target);
  try {
    for (const run of ['premier import', 'réimport (idempotent)']) {
      const t0 = performance.now();
      const result = await importAnnuaire({ prisma, source: csv });
      const s = (performance.now() - t0) / 1000;
      console.log(`${run} : ${formatSummary(result)}`);
      console.log(
        `  ${s.toFixed(2)} s — ${Math.round(total / s)} lignes/s, ${Math.round(result.imported / s)} établissements/s` +
          ` (${result.inserted} ajoutés, ${result.updated} modifiés, ${result.unchanged} inchangés)`,
      );
    }
    console.log(`En base : ${await prisma.establishment.count()} établissements`);
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
