// `npm start` with WEB_CONCURRENCY=N (N ≥ 2, PostgreSQL only): N server processes sharing one port
// (node:cluster hands each new connection to the next worker), each a Next.js production server of its
// own (Next's programmatic server: the same build, proxy.ts and instrumentation.ts as `next start`).
// Nothing one process needs lives in another's memory: sessions, throttles, the mail outbox, the
// scheduled jobs and the enrolments' seats are in the database; each process's copy of the platforms
// (lib/core/site-cache.ts) checks itself against the database. A worker that dies is replaced.
// Plain JavaScript, run by node itself (no TypeScript loader in production).
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const workers = Number(process.env.WEB_CONCURRENCY ?? 2);

if (cluster.isPrimary) {
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
    console.error('Plusieurs processus serveur (WEB_CONCURRENCY) demandent PostgreSQL (DATABASE_URL=postgres://…) : la base embarquée n’en accepte qu’un.');
    process.exit(1);
  }
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`[cluster] le processus ${worker.process.pid} s’est arrêté (${signal ?? code}) : il est remplacé.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let ready = 0;
  cluster.on('listening', () => {
    if (++ready === workers) console.log(`[cluster] ${workers} processus servent le port ${port}.`);
  });
} else {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, port, hostname: '0.0.0.0' });
  await app.prepare();
  const handle = app.getRequestHandler();
  createServer((req, res) => handle(req, res)).listen(port);
}
