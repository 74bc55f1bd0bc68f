// Runs once when the Next.js server starts: the settings a server needs are checked (a production
// server without TRUSTED_PROXY stops here, whoever launched `next start`), then the mail outbox
// worker, the enrolments' reminders and the yearly rollover start in the server process (PGlite
// allows one process per data directory).
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
      // The enrolments' convocations (sent after the enrolment commits), and their reminders (day
      // before, convention to return) every ten minutes.
      const { startConvocations } = await import('./lib/enrolments/convocations.ts');
      startConvocations();
      const { sendDueReminders } = await import('./lib/enrolments/reminders.ts');
      const { promoteWhereSeatsFree } = await import('./lib/enrolments/service.ts');
      // Also: seats freed by a fair-share cap that lifted go to the pupils waiting; conventions signed
      // but not sealed yet (printing failed) are sealed, and sent ones whose parties changed get a new version.
      const { conventionsTick } = await import('./lib/conventions/service.ts');
      const { backgroundOrigins } = await import('./lib/conventions/origins.ts');
      const tick = () =>
        promoteWhereSeatsFree()
          .then(() => sendDueReminders())
          .then(() => conventionsTick(backgroundOrigins))
          .catch(async (err) => console.error('[reminders]', (await import('./lib/core/errors.ts')).errorSummary(err)));
      setTimeout(tick, 30_000).unref();
      setInterval(tick, 10 * 60_000).unref();
    }
    // The yearly rollover on its documented day, 1 July (lib/classes/rollover.ts): checked a minute
    // after the start — a server that was off that day catches up, each missed year once, in order —
    // then hourly; one run per year whatever the number of instances. ROLLOVER_SCHEDULE=off: the
    // operator's page only (a demo or an end-to-end run on a summer date keeps its data).
    if (process.env.ROLLOVER_SCHEDULE !== 'off') {
      const { startRolloverSchedule } = await import('./lib/classes/rollover.ts');
      startRolloverSchedule();
    }
  }
}
