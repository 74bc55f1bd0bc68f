// Starting and stopping the app's processes (used by `npm start` and the end-to-end harness).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build.ts';

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in .data/ (never in git). */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(ROOT, '.data/nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** WEB_CONCURRENCY as a number of server processes (1 when unset or not a positive integer). */
export function webConcurrency(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 1;
}

/** Starts `next start` (or the cluster) in its own process group (so stopping it stops next-server too). */
export function startNext(input: { port: number; env: Record<string, string | undefined>; distDir?: string; quiet?: boolean; nodeArgs?: string[] }): ChildProcess {
  // WEB_CONCURRENCY=N (N ≥ 2): N processes on the port (scripts/cluster.mjs); otherwise `next start`.
  const cluster = webConcurrency(input.env.WEB_CONCURRENCY ?? process.env.WEB_CONCURRENCY) > 1;
  const args = cluster ? [join(ROOT, 'scripts/cluster.mjs')] : [join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(input.port)];
  return spawn(process.execPath, [...(input.nodeArgs ?? []), ...args], {
    cwd: ROOT,
    detached: true,
    stdio: input.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      ...input.env,
      NEXT_DIST_DIR: input.distDir ?? '.next',
      PORT: String(input.port),
      AUTH_TRUST_HOST: 'true',
      // Dates and hours are shown as French schools live them, whatever the server's zone.
      TZ: process.env.TZ || 'Europe/Paris',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
}

export function startMaildev(smtpPort: number, webPort: number): ChildProcess {
  return spawn(
    process.execPath,
    [join(ROOT, 'node_modules/maildev/bin/maildev'), '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--silent'],
    {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
    },
  );
}

export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Resolves when http://127.0.0.1:<port>/ answers (any status), or rejects after the timeout. */
export async function waitForHttp(port: number, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Le serveur s'est arrêté (code ${child.exitCode}).`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Le serveur ne répond pas sur le port ${port} après ${timeoutMs / 1000} s.`);
}
