// `npm run db:restore -- <fichier> [--yes]`: puts a backup of `npm run db:backup` back into the
// database that DATABASE_URL names, after a confirmation (or --yes). PostgreSQL: pg_restore --clean in
// one transaction (all or nothing). PGlite: the tarball unpacked into a new directory, which then
// takes the place of the current one (kept beside it, « <dossier>.avant-restauration-<horodatage> »);
// refused while a server has the directory open (postmaster.pid), unless --force.
import { existsSync, openSync, readFileSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { databaseTarget, type DbTarget } from '../lib/core/db.ts';
import { pgliteInUse, pgliteInUseMessage, pgTool, runTool, shownUrl, type BackupKind } from './db-backup.ts';

/** What a file holds, from its first bytes: pg_dump's custom format starts with « PGDMP », a gzip with 1f 8b. */
export function backupKindOf(file: string): BackupKind | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    closeSync(fd);
  }
}

const described = (target: DbTarget) => (target.kind === 'postgres' ? `la base PostgreSQL ${shownUrl(target.url)}` : `la base embarquée (PGlite) ${target.dir}`);

/** Checks that `file` may go into `target` (throws a French refusal otherwise). */
export function checkRestore(target: DbTarget, file: string, options: { force?: boolean } = {}): void {
  if (!existsSync(file)) throw new Error(`Fichier introuvable : ${file}.`);
  const kind = backupKindOf(file);
  if (!kind) throw new Error(`${file} n’est pas une sauvegarde de ministage (ni pg_dump au format custom, ni base embarquée .pglite.tar.gz).`);
  if (kind !== target.kind)
    throw new Error(
      kind === 'postgres'
        ? `${file} est une sauvegarde PostgreSQL, mais DATABASE_URL désigne la base embarquée (PGlite) : donnez DATABASE_URL=postgres://… pour la restaurer.`
        : `${file} est une sauvegarde de la base embarquée (PGlite), mais DATABASE_URL désigne PostgreSQL : retirez DATABASE_URL (ou DATABASE_URL=pglite:<dossier>) pour la restaurer.`,
    );
  if (target.kind === 'pglite') {
    if (!target.dir) throw new Error('La base est en mémoire (DATABASE_URL=pglite:memory) : impossible d’y restaurer une sauvegarde.');
    if (pgliteInUse(target.dir) && !options.force) throw new Error(pgliteInUseMessage(target.dir));
  }
}

/** Restores `file` into `target` (checked by checkRestore first). Returns where the previous PGlite directory is kept, if any. */
export async function restore(target: DbTarget, file: string, options: { force?: boolean; now?: Date } = {}): Promise<{ previous: string | null }> {
  checkRestore(target, file, options);
  if (target.kind === 'postgres') {
    runTool(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', target.url, file]);
    return { previous: null };
  }
  const dir = target.dir!;
  const stamp = (options.now ?? new Date())
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const fresh = `${dir}.restauration-${stamp}`;
  rmSync(fresh, { recursive: true, force: true });
  // Unpacked and opened in a directory of its own: the current base is untouched until it is whole.
  try {
    const pglite = new PGlite(fresh, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      await pglite.query('SELECT 1');
    } finally {
      await pglite.close();
    }
  } catch (err) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error(`la sauvegarde ${file} n’a pas pu être ouverte (${err instanceof Error ? err.message : String(err)}) ; la base actuelle est inchangée.`, {
      cause: err,
    });
  }
  let previous: string | null = null;
  if (existsSync(dir)) {
    previous = `${dir}.avant-restauration-${stamp}`;
    renameSync(dir, previous);
  }
  renameSync(fresh, dir);
  return { previous };
}

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(o|oui)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]) {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) throw new Error('indiquez le fichier à restaurer : npm run db:restore -- .data/backups/<fichier> (les sauvegardes de npm run db:backup).');
  const force = argv.includes('--force');
  const target = databaseTarget();
  checkRestore(target, file, { force });
  const what = `Restaurer ${file} dans ${described(target)} remplace toutes ses données actuelles.`;
  if (!argv.includes('--yes')) {
    if (!process.stdin.isTTY) throw new Error(`${what} Confirmez en ajoutant --yes : npm run db:restore -- ${file} --yes`);
    if (!(await confirmed(`${what} Continuer ? Tapez « oui » pour confirmer : `))) {
      console.log('Restauration annulée : rien n’a changé.');
      return;
    }
  }
  console.log(`Restauration de ${file} dans ${described(target)}…`);
  const { previous } = await restore(target, file, { force });
  console.log(`Restauration terminée.${previous ? ` L’ancienne base est conservée dans ${previous} (supprimez-la quand vous n’en avez plus besoin).` : ''}`);
  console.log('Relancez le serveur (npm start) : il applique les migrations plus récentes que la sauvegarde.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`Restauration impossible : ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
