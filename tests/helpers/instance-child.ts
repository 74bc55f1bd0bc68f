// One ministage « instance » in a child process, as an app server would be: its own Prisma client and
// pg pool (lib/core/db.ts createPrisma, DATABASE_URL from the environment), its own clock (MINISTAGE_NOW),
// the real enrolment service and the real outbox worker. Driven by tests/integration/two-instances.test.ts
// over Node's IPC channel:
//   child → { type: 'ready', backends }             pool warmed (10 connections open), PostgreSQL backend PIDs
//   parent → a command ('enrol' | 'outbox')         child → { type: 'armed' }: the work is prepared
//   parent → { cmd: 'go', at }                      sent to every instance: all start at the instant `at` (Date.now)
//   child → { type: 'enrolled' | 'drained', … }     what it did, and when it started and ended (Date.now)
//   parent → { cmd: 'exit' }                        closes the pool and exits
// Run: node --import tsx tests/helpers/instance-child.ts (stdio with 'ipc'). SMTP_URL, MAIL_FROM come from
// the environment too (the outbox command may name the SMTP server).
import { createPrisma, setPrisma } from '../../lib/core/db.ts';
import { enrolPupils, type EnrollingMember } from '../../lib/enrolments/service.ts';
import { processOutbox } from '../../lib/mail/worker.ts';

export type EnrolJob = { pupilId: string; member: EnrollingMember };

export type Command =
  /** Each job its own enrolPupils call (one pupil), `concurrency` calls in flight at once. */
  | { cmd: 'enrol'; siteId: string; stageId: string; jobs: EnrolJob[]; concurrency: number; waitlist: boolean }
  /** processOutbox rounds of `limit` rows until no row is PENDING any more (or `deadlineMs` has passed). */
  | { cmd: 'outbox'; smtpUrl?: string; limit: number; deadlineMs: number };

type ToChild = Command | { cmd: 'go'; at: number } | { cmd: 'exit' };

/** `at`: when the answer came (Date.now). */
type EnrolOutcome = { pupilId: string; outcome: 'CONFIRMED' | 'WAITING' | 'REFUSED'; message: string; at: number };

export type FromChild =
  | { type: 'ready'; pid: number; backends: number[] }
  | { type: 'armed' }
  | { type: 'enrolled'; results: EnrolOutcome[]; errors: string[]; maxInFlight: number; startedAt: number; endedAt: number }
  | { type: 'drained'; sent: number; failed: number; rounds: number; pendingLeft: number; startedAt: number; endedAt: number }
  | { type: 'error'; message: string };

const POOL = 10; // pg.Pool's default (lib/core/db.ts keeps it): what one app server has

const { prisma } = createPrisma();
setPrisma(prisma);

function send(message: FromChild) {
  process.send?.(message);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

async function enrol(c: Extract<Command, { cmd: 'enrol' }>): Promise<FromChild> {
  const results: EnrolOutcome[] = [];
  const errors: string[] = [];
  let next = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(c.concurrency, c.jobs.length) }, async () => {
      while (next < c.jobs.length) {
        const job = c.jobs[next++];
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          const [r] = await enrolPupils({ siteId: c.siteId, stageId: c.stageId, member: job.member, pupilIds: [job.pupilId], waitlist: c.waitlist });
          results.push({ pupilId: job.pupilId, outcome: r.outcome, message: r.message, at: Date.now() });
        } catch (err) {
          errors.push(`${job.pupilId}: ${errorText(err)}`);
        } finally {
          inFlight--;
        }
      }
    }),
  );
  return { type: 'enrolled', results, errors, maxInFlight, startedAt, endedAt: Date.now() };
}

async function drainOutbox(c: Extract<Command, { cmd: 'outbox' }>): Promise<FromChild> {
  let sent = 0;
  let failed = 0;
  let rounds = 0;
  const startedAt = Date.now();
  const deadline = startedAt + c.deadlineMs;
  let pendingLeft: number;
  for (;;) {
    const round = await processOutbox({ limit: c.limit, ...(c.smtpUrl ? { smtpUrl: c.smtpUrl } : {}) });
    rounds++;
    sent += round.sent;
    failed += round.failed;
    if (round.sent + round.failed > 0) continue;
    // Nothing claimed: the rest may be the other instance's claims, still being sent. Done when none is left.
    pendingLeft = await prisma.outboxEmail.count({ where: { status: 'PENDING' } });
    if (pendingLeft === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { type: 'drained', sent, failed, rounds, pendingLeft, startedAt, endedAt: Date.now() };
}

let armed: Command | null = null;

process.on('message', (m: ToChild) => {
  if (m.cmd === 'exit') {
    void prisma.$disconnect().finally(() => process.exit(0));
    return;
  }
  if (m.cmd === 'go') {
    const c = armed;
    armed = null;
    if (!c) return send({ type: 'error', message: '« go » sans commande préparée' });
    const run = () => (c.cmd === 'enrol' ? enrol(c) : drainOutbox(c)).then(send, (err: unknown) => send({ type: 'error', message: errorText(err) }));
    setTimeout(run, Math.max(0, m.at - Date.now()));
    return;
  }
  armed = m;
  send({ type: 'armed' });
});
// The parent gone (a crashed test): end too, without leaving connections open.
process.on('disconnect', () => void prisma.$disconnect().finally(() => process.exit(0)));

// Opens the pool's connections before the start signal (concurrent statements make it open all of
// them), so that the burst does not begin with connection set-up; says which backends they are.
try {
  const rows = await Promise.all(Array.from({ length: POOL }, () => prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)::text AS slept`));
  send({ type: 'ready', pid: process.pid, backends: [...new Set(rows.map((r) => r[0].pid))] });
} catch (err) {
  send({ type: 'error', message: errorText(err) });
  await prisma.$disconnect();
  process.exit(1);
}
