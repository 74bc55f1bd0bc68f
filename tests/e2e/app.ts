// Starts one instance of the built app for end-to-end tests: a fresh PGlite database with the
// demo seed, an SMTP capture, `next start` on a free port. Used by global-setup and by tests
// that need an instance with other settings (startApp({ env })).
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployMigrations } from '../../prisma/migrate.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { createPrisma } from '../../lib/core/db.ts';
import { freePort, killGroup, startNext, waitForHttp } from '../../scripts/app-process.ts';
import { startMailCapture } from './mail-capture.ts';

export type AppInstance = { port: number; dir: string; mailDir: string; logFile: string; stop: () => Promise<void> };

export async function launchApp(input: { distDir: string; env?: Record<string, string>; seed?: boolean; stages?: number }): Promise<AppInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'ministage-e2e-'));
  const target = { kind: 'pglite' as const, dir: join(dir, 'db') };
  await deployMigrations(target);
  if (input.seed !== false) {
    const { prisma, pglite } = createPrisma(target);
    try {
      await seedDemo(prisma, { stages: input.stages, log: () => {} });
    } finally {
      await prisma.$disconnect();
      await pglite?.close();
    }
  }
  const mailDir = join(dir, 'mail');
  const mail = await startMailCapture(mailDir);
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  const child = startNext({
    port,
    distDir: input.distDir,
    quiet: true,
    env: {
      DATABASE_URL: `pglite:${target.dir}`,
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      ROOT_DOMAIN: 'localhost',
      NEXTAUTH_SECRET: 'e2e-secret-0123456789-abcdefghijklmnop',
      OUTBOX_INTERVAL_MS: '300',
      NODE_ENV: 'production',
      ...input.env,
    },
  });
  child.stdout?.on('data', (b: Buffer) => appendFileSync(logFile, b));
  child.stderr?.on('data', (b: Buffer) => appendFileSync(logFile, b));
  await waitForHttp(port, 60_000, child);
  return {
    port,
    dir,
    mailDir,
    logFile,
    stop: async () => {
      killGroup(child);
      await mail.close();
      await new Promise((r) => setTimeout(r, 300));
      if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
