// Starts the shared app for the end-to-end tests (built into a folder named after the sources'
// fingerprint, so a running test never sees its build replaced).
import { e2eDistDir, spawnApp } from './spawn-app.mjs';

export default async function globalSetup() {
  const distDir = e2eDistDir();
  const app = await spawnApp({ distDir });
  Object.assign(process.env, { E2E_DIST_DIR: distDir, E2E_PORT: String(app.port), E2E_MAIL_DIR: app.mailDir, E2E_LOG: app.logFile });
  globalThis.__e2eApp = app;
}
