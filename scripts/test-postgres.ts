// `npm run test:postgres`: the integration tests against a throwaway local PostgreSQL that this
// script starts and stops itself (initdb + pg_ctl, as the postgres user when run as root).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-process.ts';

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin/initdb'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL introuvable : installez-le (sudo apt-get install -y postgresql) puis relancez npm run test:postgres.');
}

function run(cmd: string, args: string[], asPostgres: boolean) {
  const r = asPostgres
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')], { stdio: 'inherit' })
    : spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} a échoué (code ${r.status}).`);
}

const bin = pgBin();
const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'ministage-pg-'));
const data = join(dir, 'data');
chmodSync(dir, 0o755);
if (asRoot) {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  chownSync(dir, Number(id.stdout), Number(gid.stdout));
}
const port = await freePort();
let started = false;
let code: number;
try {
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], asRoot);
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start'], asRoot);
  started = true;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`PostgreSQL de test sur ${url}`);
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--selectProjects', 'node', '--maxWorkers=2', '--testPathPatterns', 'tests/integration', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '--experimental-vm-modules' },
    },
  );
  code = jest.status ?? 1;
} finally {
  if (started) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], asRoot);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
