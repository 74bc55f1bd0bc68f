// `npm run bench`: every benchmark of the project, one after the other, printing numbers
// (never asserted in tests). Each runs on its own throwaway database in /tmp.
//   npm run bench                      all of them
//   npm run bench -- enrolment stages  only those named (password, import, stages, enrolment, pdf, pages)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';
import { hashPassword, verifyPassword } from '../lib/core/password.ts';

async function passwordBench() {
  const t0 = performance.now();
  const hash = await hashPassword('un mot de passe assez long');
  const t1 = performance.now();
  await verifyPassword('un mot de passe assez long', hash);
  console.log(`  hachage ${Math.round(t1 - t0)} ms, vérification ${Math.round(performance.now() - t1)} ms`);
}

type Bench = { key: string; name: string } & ({ file: string } | { run: () => Promise<void> });

const benches: Bench[] = [
  { key: 'password', name: 'Hachage des mots de passe (scrypt N=2^15)', run: passwordBench },
  { key: 'import', name: "Import de l'annuaire (taille nationale)", file: 'scripts/bench-import.ts' },
  { key: 'stages', name: 'Stages : liste, calendrier, tableau de bord', file: 'scripts/bench-stages.ts' },
  { key: 'enrolment', name: 'Inscriptions : rafale sur les dernières places, débit du service (PGlite, PostgreSQL)', file: 'scripts/bench-enrolment.ts' },
  { key: 'pdf', name: 'Conventions : PDF imprimés par le navigateur partagé', file: 'scripts/bench-pdf.ts' },
  { key: 'pages', name: 'Pages à l’échelle d’une académie (seed:scale), 50 connexions (PGlite, PostgreSQL)', file: 'scripts/bench-pages.ts' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !benches.some((b) => b.key === w));
if (unknown.length) {
  console.error(`Benchmark inconnu : ${unknown.join(', ')}. Au choix : ${benches.map((b) => b.key).join(', ')}.`);
  process.exit(2);
}

let failed = 0;
let first = true;
for (const b of benches) {
  if (wanted.length && !wanted.includes(b.key)) continue;
  if ('file' in b && !existsSync(join(ROOT, b.file))) continue;
  console.log(`${first ? '' : '\n'}== ${b.name}${'file' in b ? ` (${b.file})` : ''}`);
  first = false;
  if ('run' in b) {
    await b.run();
    continue;
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, b.file)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
