// npm run import:annuaire -- <fichier.csv>
// Imports the official « Annuaire de l'éducation » CSV (collèges, lycées, EREA) into the database
// named by DATABASE_URL (default: PGlite in .data/pglite), after applying pending migrations.
// Safe to run again: establishments are upserted by UAI and unchanged rows stay untouched.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPrisma, databaseTarget } from '../lib/core/db.ts';
import { formatSummary, importAnnuaire, type ImportProgress } from '../lib/reference/annuaire.ts';
import { deployMigrations } from '../prisma/migrate.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function progress(p: ImportProgress) {
  if (!process.stderr.isTTY) {
    if (p.phase === 'read') console.error(`… ${p.lines} lignes lues`);
    else console.error(`… ${p.written}/${p.kept} établissements enregistrés`);
    return;
  }
  const text = p.phase === 'read' ? `${p.lines} lignes lues` : `${p.written}/${p.kept} établissements enregistrés`;
  process.stderr.write(`\r${text}\x1b[K`);
}

async function main() {
  const arg = process.argv[2];
  if (!arg) fail("Usage : npm run import:annuaire -- <fichier.csv>  (l'Annuaire de l'éducation au format CSV)");
  const file = resolve(arg);
  if (!existsSync(file)) fail(`Fichier introuvable : ${arg}`);
  if (!statSync(file).isFile()) fail(`Ce chemin n'est pas un fichier : ${arg}`);

  const target = databaseTarget();
  const applied = await deployMigrations(target);
  if (applied.length) console.error(`Migrations appliquées : ${applied.join(', ')}`);

  const { prisma, pglite } = createPrisma(target);
  const started = Date.now();
  try {
    const result = await importAnnuaire({ prisma, source: file, onProgress: progress });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(formatSummary(result));
    console.log(
      `${result.inserted} ajoutés, ${result.updated} mis à jour, ${result.unchanged} inchangés` +
        (result.merged ? ` ; ${result.merged} lignes fusionnées (établissements publiés sur plusieurs lignes)` : '') +
        ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (result.rejected) {
      const more = result.rejected - result.rejections.length;
      console.log(`Lignes rejetées${more > 0 ? ` (les ${result.rejections.length} premières)` : ''} :`);
      for (const r of result.rejections) console.log(`  ligne ${r.line} : ${r.reason}`);
      if (more > 0) console.log(`  … et ${more} autres`);
    }
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

main().then(
  () => process.exit(0), // the wasm engine and the pool keep the loop alive otherwise
  (err: unknown) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    fail(err instanceof Error ? err.message : String(err));
  },
);
