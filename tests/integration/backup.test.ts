// `npm run db:backup` and `npm run db:restore -- <fichier>` end to end, as an operator runs them (the
// scripts in child processes, DATABASE_URL naming the database): back up, change, restore — the change
// is gone and nothing else is (every table's rows compared). On the embedded PGlite in the normal run
// (its data directory as a tarball); on PostgreSQL under `npm run test:postgres -- backup` (pg_dump's
// custom format, pg_restore). With the refusals: no confirmation, a server holding the PGlite
// directory, a file that is no backup or one of the other kind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPrisma, type DbTarget } from '@/lib/core/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { makeCollege, makeSite } from '../factories/sites';

const server = process.env.DATABASE_URL;
const onPostgres = /^postgres(ql)?:\/\//.test(server ?? '');
let work: string;
let target: DbTarget;
let url: string;
let dbName: string | null = null;

const migrations = () => {
  const dir = join(process.cwd(), 'prisma/migrations');
  return readdirSync(dir)
    .filter((d) => !d.endsWith('.toml'))
    .sort()
    .map((m) => readFileSync(join(dir, m, 'migration.sql'), 'utf8'));
};

/** The database opened for a moment (a PGlite directory allows one process at a time: closed before each script). */
async function withDb<T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const { prisma, pglite } = createPrisma(target);
  try {
    return await fn(prisma);
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

/** Every table of the app and an md5 of its rows: equal fingerprints, equal data. */
function fingerprint(): Promise<Record<string, string>> {
  return withDb(async (prisma) => {
    const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await prisma.$queryRawUnsafe<{ n: number; h: string | null }[]>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS h FROM "${name}" t`,
      );
      out[name] = `${row.n}:${row.h ?? ''}`;
    }
    return out;
  });
}

/** Runs one of the scripts as `npm run` would (stdin not a terminal). */
function script(name: 'db-backup' | 'db-restore', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', `scripts/${name}.ts`, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: url, ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ministage-backup-'));
  if (onPostgres) {
    dbName = `b_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(server!);
    u.pathname = `/${dbName}`;
    url = u.toString();
    target = { kind: 'postgres', url };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const sql of migrations()) await client.query(sql);
    await client.end();
  } else {
    const dir = join(work, 'pglite');
    const pglite = new PGlite(dir);
    for (const sql of migrations()) await pglite.exec(sql);
    await pglite.close();
    target = { kind: 'pglite', dir };
    url = `pglite:${dir}`;
  }
  await withDb(async (p) => {
    const site = await makeSite(p, { slug: 'demo', uai: '0350032V' });
    await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 3 });
    await p.stage.create({
      data: { siteId: site.site.id, formationId: site.formations.elec.id, date: new Date('2027-03-10'), startMinutes: 540, endMinutes: 720, capacity: 8 },
    });
  });
}, 120_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

const EXT = onPostgres ? 'dump' : 'pglite.tar.gz';
let file: string;

describe(`backup and restore (${onPostgres ? 'PostgreSQL: pg_dump / pg_restore' : 'embedded PGlite: its data directory'})`, () => {
  it('backs up, a change, restores after confirmation: the change is gone and nothing else is', async () => {
    const before = await fingerprint();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['Establishment', 'Pupil', 'Guardian', 'Stage', 'AuditEntry']));

    const backups = join(work, 'backups');
    const made = script('db-backup', [], { BACKUP_DIR: backups });
    expect(made.err).toBe('');
    expect(made.status).toBe(0);
    const [name, ...others] = readdirSync(backups);
    expect(others).toEqual([]);
    expect(name).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.${EXT.replace(/\./g, '\\.')}$`));
    file = join(backups, name);
    expect(made.out).toContain(`Sauvegarde écrite : ${file} (`);
    expect(made.out).toContain(`Pour la restaurer : npm run db:restore -- ${file}`);

    // The change: a renamed collège, a new pupil, a guardian deleted.
    await withDb(async (p) => {
      await p.establishment.update({ where: { uai: '0350033W' }, data: { name: 'Collège renommé' } });
      const college = await p.establishment.findUniqueOrThrow({ where: { uai: '0350033W' } });
      await p.pupil.create({ data: { establishmentId: college.id, schoolYear: 2026, firstName: 'Nouvel', lastName: 'Élève' } });
      const guardian = await p.guardian.findFirstOrThrow({ where: { pupil: { establishmentId: college.id } } });
      await p.guardian.delete({ where: { id: guardian.id } });
    });
    const changed = await fingerprint();
    expect(changed).not.toEqual(before);

    // Without --yes (and no terminal to ask): refused, nothing touched.
    const unconfirmed = script('db-restore', [file]);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.err.trim()).toBe(
      `Restauration impossible : Restaurer ${file} dans ${onPostgres ? `la base PostgreSQL ${url}` : `la base embarquée (PGlite) ${target.kind === 'pglite' ? target.dir : ''}`} remplace toutes ses données actuelles. Confirmez en ajoutant --yes : npm run db:restore -- ${file} --yes`,
    );
    expect(await fingerprint()).toEqual(changed);

    const restored = script('db-restore', [file, '--yes']);
    expect(restored.err).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.out).toContain('Restauration terminée.');
    expect(await fingerprint()).toEqual(before);
    await withDb(async (p) => {
      expect((await p.establishment.findUniqueOrThrow({ where: { uai: '0350033W' } })).name).toBe('Collège les Ormeaux');
      expect(await p.pupil.count({ where: { firstName: 'Nouvel' } })).toBe(0);
    });
    if (target.kind === 'pglite') {
      // The replaced directory is kept beside it, with the change.
      const kept = readdirSync(work).filter((d) => d.startsWith('pglite.avant-restauration-'));
      expect(kept).toHaveLength(1);
      expect(restored.out).toContain(`L’ancienne base est conservée dans ${join(work, kept[0])}`);
      const old = new PGlite(join(work, kept[0]));
      expect((await old.query<{ name: string }>(`SELECT name FROM "Establishment" WHERE uai = '0350033W'`)).rows).toEqual([{ name: 'Collège renommé' }]);
      await old.close();
    }
  });

  (onPostgres ? it.skip : it)('refuses to restore over, or back up, a PGlite directory a server has open (PGlite only)', async () => {
    expect(target.kind).toBe('pglite');
    const dir = target.kind === 'pglite' ? target.dir! : '';
    const before = await fingerprint();
    const running = new PGlite(dir); // as the server holds it
    await running.query('SELECT 1');
    try {
      const refused = script('db-restore', [file, '--yes']);
      expect(refused.status).toBe(1);
      expect(refused.err.trim()).toBe(
        `Restauration impossible : Le dossier de la base embarquée ${dir} est ouvert par un serveur ministage (fichier postmaster.pid présent) : arrêtez le serveur (Ctrl-C dans le terminal de npm start), puis relancez. Si aucun serveur ne tourne (il s’est arrêté brutalement), ajoutez --force.`,
      );
      const noBackup = script('db-backup', ['--out', join(work, 'pendant.tar.gz')]);
      expect(noBackup.status).toBe(1);
      expect(noBackup.err).toContain('est ouvert par un serveur ministage');
      expect(existsSync(join(work, 'pendant.tar.gz'))).toBe(false);
    } finally {
      await running.close();
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a file that is no backup, or a backup of the other kind of database (checked before the database is opened)', async () => {
    const junk = join(work, 'notes.txt');
    writeFileSync(junk, 'pas une sauvegarde');
    const notBackup = script('db-restore', [junk, '--yes']);
    expect(notBackup.status).toBe(1);
    expect(notBackup.err.trim()).toBe(
      `Restauration impossible : ${junk} n’est pas une sauvegarde de ministage (ni pg_dump au format custom, ni base embarquée .pglite.tar.gz).`,
    );
    const other = join(work, onPostgres ? 'autre.pglite.tar.gz' : 'autre.dump');
    writeFileSync(other, onPostgres ? Buffer.from([0x1f, 0x8b, 8, 0, 0]) : 'PGDMP\u0001\u000e');
    const wrongKind = script('db-restore', [other, '--yes']);
    expect(wrongKind.status).toBe(1);
    expect(wrongKind.err).toContain(
      onPostgres
        ? 'est une sauvegarde de la base embarquée (PGlite), mais DATABASE_URL désigne PostgreSQL'
        : 'est une sauvegarde PostgreSQL, mais DATABASE_URL désigne la base embarquée (PGlite)',
    );
    const missing = script('db-restore', []);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('indiquez le fichier à restaurer');
  });
});
