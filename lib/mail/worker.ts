// The outbox worker: runs inside the server process (instrumentation.ts). Claims due rows,
// sends them, retries with exponential backoff; a sent row is never sent again.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { getTransport } from './transport.ts';
import * as clock from '../core/clock.ts';

const MAX_ATTEMPTS = 8;
const CLAIM_MS = 60_000;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

type Claimed = { id: string; to: string; subject: string; html: string; text: string; attempts: number };

/** Claims up to `limit` due rows atomically (a row claimed by one worker is invisible to others). */
async function claim(limit: number, now: Date): Promise<Claimed[]> {
  const until = new Date(now.getTime() + CLAIM_MS);
  return prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${until}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "html", "text", "attempts"`;
}

/** Sends what is due; returns how many were sent and how many failed this round. */
export async function processOutbox(options: { limit?: number; now?: Date; smtpUrl?: string } = {}) {
  const now = options.now ?? clock.now();
  const rows = await claim(options.limit ?? 20, now);
  let sent = 0;
  let failed = 0;
  const transport = getTransport(options.smtpUrl);
  const files = rows.length ? await prisma.outboxAttachment.findMany({ where: { emailId: { in: rows.map((r) => r.id) } }, orderBy: { position: 'asc' } }) : [];
  for (const row of rows) {
    try {
      const attachments = files.filter((f) => f.emailId === row.id).map((f) => ({ filename: f.filename, contentType: f.contentType, content: Buffer.from(f.content) }));
      await transport.sendMail({ from: env.mailFrom, to: row.to, subject: row.subject, html: row.html, text: row.text, attachments });
      await prisma.outboxEmail.update({
        where: { id: row.id },
        data: { status: 'SENT', sentAt: clock.now(), attempts: row.attempts + 1, lockedUntil: null, lastError: null },
      });
      sent++;
    } catch (err) {
      failed++;
      const attempts = row.attempts + 1;
      await prisma.outboxEmail.update({
        where: { id: row.id },
        data: {
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
          nextAttemptAt: new Date(clock.nowMs() + backoffMs(attempts)),
          lockedUntil: null,
          lastError: String((err as Error)?.message ?? err).slice(0, 500),
        },
      });
    }
  }
  return { sent, failed };
}

/**
 * Emails carry personal data (pupils are minors): sent and abandoned rows are deleted after
 * OUTBOX_RETENTION_DAYS (default 30). Returns how many were deleted.
 */
export async function purgeOutbox(now = clock.now(), days = env.outboxRetentionDays): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const { count } = await prisma.outboxEmail.deleteMany({
    where: {
      OR: [
        { status: 'SENT', sentAt: { lt: before } },
        { status: 'FAILED', createdAt: { lt: before } },
      ],
    },
  });
  return count;
}

let timer: NodeJS.Timeout | undefined;
let lastPurge = 0;
let running = false;

/** Polls the outbox every OUTBOX_INTERVAL_MS (default 1 s) in this process. */
export function startOutboxWorker(intervalMs = env.outboxIntervalMs) {
  if (timer) return;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await processOutbox();
      if (clock.nowMs() - lastPurge > 3_600_000) {
        lastPurge = clock.nowMs();
        await purgeOutbox();
      }
    } catch (err) {
      console.error('[outbox]', (err as Error)?.message ?? err);
    } finally {
      running = false;
    }
  };
  timer = setInterval(tick, intervalMs);
  timer.unref();
}
