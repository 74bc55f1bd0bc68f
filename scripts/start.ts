// `npm start`: check the settings, build if needed, migrate, seed the demo when the database is empty
// (never in production unless SEED_DEMO=on), start a local mail catcher when SMTP_URL is unset, then
// serve the app. Ctrl-C stops everything it started.
import type { ChildProcess } from 'node:child_process';
import { ensureBuild } from './build.ts';
import { authSecret, killGroup, startMaildev, startNext, waitForHttp, webConcurrency } from './app-process.ts';
import { deployMigrations } from '../prisma/migrate.ts';
import { hasDemoAccounts, loadDemoIfEmpty, printDemoLogins } from '../prisma/seed.ts';
import { createPrisma, databaseTarget } from '../lib/core/db.ts';
import { serverStartProblem } from '../lib/core/client-ip.ts';

const port = Number(process.env.PORT ?? 3000);
const root = process.env.ROOT_DOMAIN ?? 'localhost';
const children: ChildProcess[] = [];

function stopAll(code = 0) {
  for (const c of children) killGroup(c);
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Returns whether the database holds the demo accounts (their logins are printed then). */
async function prepareDatabase(): Promise<boolean> {
  const target = databaseTarget();
  console.log(target.kind === 'pglite' ? `Base de données embarquée (PGlite) : ${target.dir ?? 'en mémoire'}` : 'Base de données PostgreSQL (DATABASE_URL)');
  const applied = await deployMigrations(target);
  if (applied.length) console.log(`Migrations appliquées : ${applied.length}`);
  const { prisma, pglite } = createPrisma(target);
  try {
    await loadDemoIfEmpty(prisma, { stages: process.env.SEED_STAGES ? Number(process.env.SEED_STAGES) : undefined });
    return await hasDemoAccounts(prisma);
  } finally {
    await prisma.$disconnect();
    await pglite?.close(); // the server process opens it next (one process per PGlite directory)
  }
}

async function main() {
  // Before building or opening anything: `next start` would refuse too (instrumentation.ts).
  const problem = serverStartProblem();
  if (problem) throw new Error(problem);
  const processes = webConcurrency(process.env.WEB_CONCURRENCY);
  if (processes > 1 && databaseTarget().kind === 'pglite')
    throw new Error(
      `WEB_CONCURRENCY=${processes} demande plusieurs processus serveur : la base embarquée (PGlite) n’en accepte qu’un. Donnez DATABASE_URL (PostgreSQL), ou retirez WEB_CONCURRENCY.`,
    );
  const secret = authSecret();
  ensureBuild('.next');
  const demo = await prepareDatabase();
  const env: Record<string, string> = { NEXTAUTH_SECRET: secret, ROOT_DOMAIN: root };
  if (!process.env.SMTP_URL) {
    const smtpPort = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
    const webPort = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
    children.push(startMaildev(smtpPort, webPort));
    env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    console.log(`Courriels : boîte de test sur http://localhost:${webPort} (SMTP 127.0.0.1:${smtpPort})`);
  }
  const next = startNext({ port, env });
  children.push(next);
  next.on('exit', (code) => stopAll(code ?? 0));
  await waitForHttp(port, 60_000, next);
  if (demo) {
    printDemoLogins(port, root);
    console.log(`ministage est prêt : http://${root}:${port}/  —  plateforme de démonstration : http://demo.${root}:${port}/`);
  } else {
    console.log(`ministage est prêt : http://${root}:${port}/`);
  }
  if (processes > 1) console.log(`${processes} processus serveur (WEB_CONCURRENCY) sur le port ${port}.`);
  console.log('Ctrl-C pour tout arrêter.');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll(1);
});
