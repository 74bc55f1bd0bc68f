// Builds the Next.js app only when its sources changed since the last build of that folder.
// A lock (mkdir) keeps two builds of one folder from running at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['app', 'components', 'lib', 'emails', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json', 'prisma/schema.prisma'];

/** A hash of the build's inputs (paths, sizes, modification times). */
export function sourceFingerprint(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (e !== 'node_modules') walk(join(p, e));
    } else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const i of INPUTS) walk(join(ROOT, i));
  return h.digest('hex').slice(0, 16);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `next build` into distDir (relative to the project) unless it is up to date. */
export function ensureBuild(distDir = '.next', log: (s: string) => void = console.log): void {
  const dist = join(ROOT, distDir);
  const stamp = join(dist, 'ministage-fingerprint');
  const fp = sourceFingerprint();
  const upToDate = () => existsSync(join(dist, 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fp;
  if (upToDate()) return;
  const lock = `${dist}.lock`;
  mkdirSync(dirname(dist), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 20 * 60_000) throw new Error(`Construction bloquée : supprimez ${lock}`, { cause: err });
      sleep(1000);
    }
  }
  try {
    if (upToDate()) return;
    log(`Construction de l'application (next build → ${distDir})…`);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (r.status !== 0) throw new Error('La construction de l’application (next build) a échoué : voyez les messages ci-dessus.');
    writeFileSync(stamp, fp);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureBuild(process.argv[2] ?? '.next');
}
