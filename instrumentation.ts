// Runs once when the Next.js server starts: the mail outbox worker lives in the server process
// (PGlite allows one process per data directory).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.OUTBOX_WORKER !== 'off') {
    const { startOutboxWorker } = await import('./lib/mail/worker.ts');
    startOutboxWorker();
  }
}
