// A throwaway PostgreSQL for benchmarks and `npm run test:postgres`: initdb + pg_ctl in a fresh folder of /tmp on a free port
// (as the postgres user when run as root), fsync off, stopped and removed on exit — even when the
// process dies (an error, Ctrl-C, a closed pipe).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-process.ts';

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin/initdb'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL introuvable : installez-le (sudo apt-get install -y postgresql) puis relancez.');
}

function run(cmd: string, args: string[], asPostgres: boolean) {
  const r = asPostgres
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} a échoué (code ${r.status}) : ${r.stderr || r.stdout}`);
}

export type ThrowawayPostgres = {
  /** postgres://postgres@127.0.0.1:<port> (add /<database>). */
  server: string;
  /** The server's log (pg_ctl -l): what log_statement writes. */
  logFile: string;
  /** The log's text from a byte offset (its current length: `log().length` before, `log(before)` after). */
  log(from?: number): string;
  /** Stops the server and keeps its data (fault tests): `immediate` is a crash, `fast` a clean shutdown. */
  halt(mode?: 'fast' | 'immediate'): void;
  /** Starts it again on the same port and data directory (after `halt`). */
  resume(): void;
  stop(): void;
};

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = pgBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ministage-bench-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'log');
  chmodSync(dir, 0o755);
  if (asRoot) {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(uid.stdout), Number(gid.stdout));
  }
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], asRoot);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => process.exit(130));
  const start = () => {
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, '-l', logFile, '-w', 'start'], asRoot);
    started = true;
  };
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], asRoot);
    start();
  } catch (err) {
    stop();
    throw err;
  }
  return {
    server: `postgres://postgres@127.0.0.1:${port}`,
    logFile,
    log: (from = 0) => readFileSync(logFile).subarray(from).toString('utf8'),
    halt: (mode = 'immediate') => {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], asRoot);
      started = false;
    },
    resume: start,
    stop,
  };
}
