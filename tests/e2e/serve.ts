// Run by the end-to-end harness in its own process (tsx): builds if needed, launches one app
// instance, prints `READY <json>` and keeps it running until SIGTERM/SIGINT or stdin closes.
import { ensureBuild } from '../../scripts/build.ts';
import { launchApp } from './app.ts';

const distDir = process.env.E2E_DIST_DIR ?? '.next';
// Extra instances (startApp) reuse the run's build as it is: rebuilding it would pull it from
// under the shared instance when sources changed meanwhile.
if (process.env.E2E_BUILD !== 'reuse') ensureBuild(distDir, (s) => process.stderr.write(`${s}\n`));
const app = await launchApp({
  distDir,
  env: JSON.parse(process.env.E2E_APP_ENV ?? '{}'),
  seed: process.env.E2E_SEED !== 'off',
  stages: process.env.E2E_STAGES ? Number(process.env.E2E_STAGES) : undefined,
});
process.stdout.write(`READY ${JSON.stringify({ port: app.port, mailDir: app.mailDir, logFile: app.logFile, dir: app.dir })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop); // the test runner went away
process.stdin.resume();
