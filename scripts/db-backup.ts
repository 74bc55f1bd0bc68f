// `npm run db:backup [-- --out <fichier>]`: a backup of the database that DATABASE_URL names
// (lib/core/db.ts databaseTarget): PostgreSQL → pg_dump's custom format (`<horodatage>.dump`, restored
// by pg_restore); the embedded PGlite → its data directory as a tarball (`<horodatage>.pglite.tar.gz`,
// PGlite's dumpDataDir). Written to .data/backups/ (BACKUP_DIR) unless --out says where.
// PGlite allows one process per directory: the server must be stopped first (checked).
// `npm run db:restore -- <fichier>` (scripts/db-restore.ts) puts one back.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { databaseTarget, type DbTarget } from '../lib/core/db.ts';

export type BackupKind = 'postgres' | 'pglite';

/** The PostgreSQL client tools (pg_dump, pg_restore): PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else the PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  return name;
}

/** Runs a PostgreSQL tool; its error output, in French context, on failure. */
export function runTool(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.error)
    throw new Error(
      `${tool} introuvable ou impossible à lancer (${r.error.message}) : installez les outils PostgreSQL (sudo apt-get install -y postgresql-client) ou indiquez leur dossier dans PG_BIN.`,
    );
  if (r.status !== 0) throw new Error(`${tool} a échoué (code ${r.status}) : ${(r.stderr ?? '').trim()}`);
}

/** A PostgreSQL URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Whether a PGlite directory is open (PGlite writes postmaster.pid there while it runs and removes it
 * on close): a running server, or one stopped abruptly. A second process on it would corrupt it.
 */
export function pgliteInUse(dir: string): boolean {
  return existsSync(join(dir, 'postmaster.pid'));
}

export function pgliteInUseMessage(dir: string): string {
  return (
    `Le dossier de la base embarquée ${dir} est ouvert par un serveur ministage (fichier postmaster.pid présent) : ` +
    'arrêtez le serveur (Ctrl-C dans le terminal de npm start), puis relancez. ' +
    'Si aucun serveur ne tourne (il s’est arrêté brutalement), ajoutez --force.'
  );
}

/** The default file: <BACKUP_DIR or .data/backups>/<horodatage UTC>.<extension>. */
export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return join(process.env.BACKUP_DIR ?? '.data/backups', `${stamp}.${kind === 'postgres' ? 'dump' : 'pglite.tar.gz'}`);
}

const size = (file: string) => {
  const bytes = statSync(file).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo` : `${Math.max(1, Math.round(bytes / 1024))} ko`;
};

/** Writes the backup of `target` to `file` (its folder created); returns the file. */
export async function backup(target: DbTarget, file: string, options: { force?: boolean } = {}): Promise<string> {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  if (existsSync(file)) throw new Error(`Le fichier ${file} existe déjà : choisissez un autre nom (--out).`);
  if (target.kind === 'postgres') {
    // Custom format: compressed, restored object by object (pg_restore --clean), with its schema.
    runTool(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', file, '--dbname', target.url]);
    return file;
  }
  if (!target.dir) throw new Error('La base est en mémoire (DATABASE_URL=pglite:memory) : rien à sauvegarder.');
  if (!existsSync(join(target.dir, 'PG_VERSION'))) throw new Error(`Aucune base embarquée dans ${target.dir} : rien à sauvegarder.`);
  if (pgliteInUse(target.dir) && !options.force) throw new Error(pgliteInUseMessage(target.dir));
  const pglite = new PGlite(target.dir);
  try {
    // Opened (recovered if it stopped abruptly) before the dump: dumpDataDir does not wait for it.
    await pglite.query('SELECT 1');
    const tarball = await pglite.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return file;
}

async function main(argv: string[]) {
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
  if (argv.includes('--out') && !out) throw new Error('Indiquez le fichier après --out.');
  const target = databaseTarget();
  const file = out ?? defaultBackupFile(target.kind);
  console.log(
    target.kind === 'postgres' ? `Sauvegarde de la base PostgreSQL ${shownUrl(target.url)}…` : `Sauvegarde de la base embarquée (PGlite) ${target.dir ?? 'en mémoire'}…`,
  );
  await backup(target, file, { force: argv.includes('--force') });
  console.log(`Sauvegarde écrite : ${file} (${size(file)}). Pour la restaurer : npm run db:restore -- ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`Sauvegarde impossible : ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
