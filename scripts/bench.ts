// `npm run bench`: every benchmark of the project, one after the other, printing numbers
// (never asserted in tests). Each runs on its own throwaway database in /tmp.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';
import { hashPassword, verifyPassword } from '../lib/core/password.ts';

const benches = [
  { name: "Import de l'annuaire (taille nationale)", file: 'scripts/bench-import.ts' },
  { name: 'Stages : liste, calendrier, tableau de bord', file: 'scripts/bench-stages.ts' },
];

console.log('== Hachage des mots de passe (scrypt N=2^15)');
const t0 = performance.now();
const hash = await hashPassword('un mot de passe assez long');
const t1 = performance.now();
await verifyPassword('un mot de passe assez long', hash);
console.log(`  hachage ${Math.round(t1 - t0)} ms, vérification ${Math.round(performance.now() - t1)} ms`);

let failed = 0;
for (const b of benches) {
  if (!existsSync(join(ROOT, b.file))) continue;
  console.log(`\n== ${b.name} (${b.file})`);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, b.file)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
