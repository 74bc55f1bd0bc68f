// `npm start`: build if needed, migrate, seed the demo when the database is empty, start a local
// mail catcher when SMTP_URL is unset, then serve the app. Ctrl-C stops everything it started.
import type { ChildProcess } from 'node:child_process';
import { ensureBuild } from './build.ts';
import { authSecret, killGroup, startMaildev, startNext, waitForHttp } from './app-process.ts';
import { deployMigrations } from '../prisma/migrate.ts';
import { printDemoLogins, seedDemo } from '../prisma/seed.ts';
import { createPrisma, databaseTarget } from '../lib/core/db.ts';

const port = Number(process.env.PORT ?? 3000);
const root = process.env.ROOT_DOMAIN ?? 'localhost';
const children: ChildProcess[] = [];

function stopAll(code = 0) {
  for (const c of children) killGroup(c);
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function prepareDatabase() {
  const target = databaseTarget();
  console.log(target.kind === 'pglite' ? `Base de données embarquée (PGlite) : ${target.dir ?? 'en mémoire'}` : 'Base de données PostgreSQL (DATABASE_URL)');
  const applied = await deployMigrations(target);
  if (applied.length) console.log(`Migrations appliquées : ${applied.length}`);
  const { prisma, pglite } = createPrisma(target);
  try {
    if ((await prisma.site.count()) === 0 && process.env.SEED_DEMO !== 'off') {
      console.log('Base vide : chargement des données de démonstration…');
      await seedDemo(prisma, { stages: process.env.SEED_STAGES ? Number(process.env.SEED_STAGES) : undefined });
    }
  } finally {
    await prisma.$disconnect();
    await pglite?.close(); // the server process opens it next (one process per PGlite directory)
  }
}

async function main() {
  const secret = authSecret();
  ensureBuild('.next');
  await prepareDatabase();
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
  printDemoLogins(port, root);
  console.log(`ministage est prêt : http://${root}:${port}/  —  plateforme de démonstration : http://demo.${root}:${port}/`);
  console.log('Ctrl-C pour tout arrêter.');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll(1);
});
