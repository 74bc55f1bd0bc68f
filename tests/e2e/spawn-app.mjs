// Starts tests/e2e/serve.ts (tsx) in a child process and waits for its READY line.
// Plain JavaScript: Jest's globalSetup cannot load TypeScript modules in a "type": "module" package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

/** The e2e build folder for the current sources (scripts/build.ts's fingerprint). */
export function e2eDistDir() {
  if (process.env.CI) return '.next';
  const r = spawnSync(process.execPath, [tsx, '-e', "import('./scripts/build.ts').then((m) => process.stdout.write(m.sourceFingerprint()))"], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (r.status !== 0) throw new Error(`fingerprint failed: ${r.stderr}`);
  const fp = r.stdout.trim();
  // Builds of older sources, unused for two hours, are removed.
  const builds = join(root, '.data/e2e-builds');
  if (existsSync(builds)) {
    for (const d of readdirSync(builds)) {
      const p = join(builds, d);
      if (!d.startsWith(fp) && Date.now() - statSync(p).mtimeMs > 2 * 3600_000) rmSync(p, { recursive: true, force: true });
    }
  }
  return `.data/e2e-builds/${fp}`;
}

/** Next adds its distDir to the tsconfig it builds with: give e2e builds their own copy. */
function e2eTsconfig() {
  const file = join(root, '.data/tsconfig.e2e.json');
  if (!existsSync(file)) {
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(file, JSON.stringify({ extends: '../tsconfig.json' }, null, 2));
  }
  return '.data/tsconfig.e2e.json';
}

/** @returns {Promise<{ port: number, mailDir: string, logFile: string, dir: string, stop: () => Promise<void> }>} */
export function spawnApp({ distDir, env = {}, seed = true, stages, reuseBuild = false } = {}) {
  const child = spawn(process.execPath, [tsx, join(root, 'tests/e2e/serve.ts')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      E2E_DIST_DIR: distDir,
      NEXT_TSCONFIG: distDir === '.next' ? '' : e2eTsconfig(),
      // The yearly rollover would close the demo's year a minute after a start dated in July or August.
      // A journey's signed-out browser looks at a stage another one has just published: no second's sharing.
      E2E_APP_ENV: JSON.stringify({ ROLLOVER_SCHEDULE: 'off', SHARED_READ_MS: '0', ...env }),
      E2E_SEED: seed ? 'on' : 'off',
      E2E_BUILD: reuseBuild ? 'reuse' : 'ensure',
      ...(stages ? { E2E_STAGES: String(stages) } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('The e2e app did not start within 10 minutes.')), 600_000);
    child.on('exit', (code) => reject(new Error(`The e2e app exited early (code ${code}).`)));
    child.stdout.on('data', (d) => {
      buf += d.toString();
      const m = buf.match(/^READY (.*)$/m);
      if (!m) return;
      clearTimeout(timer);
      const stop = () =>
        new Promise((r) => {
          if (child.exitCode !== null) return r();
          child.once('exit', () => r());
          child.kill('SIGTERM');
        });
      resolve({ ...JSON.parse(m[1]), stop });
    });
  });
}
