// Runs once when the Next.js server starts: the settings a server needs are checked (a production
// server without TRUSTED_PROXY stops here, whoever launched `next start`), then the mail outbox
// worker starts in the server process (PGlite allows one process per data directory).
export async function register() {
  // One `if` on NEXT_RUNTIME, so that an edge build drops the Node-only code.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { serverStartProblem } = await import('./lib/core/client-ip.ts');
    const problem = serverStartProblem();
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    if (process.env.OUTBOX_WORKER !== 'off') {
      const { startOutboxWorker } = await import('./lib/mail/worker.ts');
      startOutboxWorker();
    }
  }
}
