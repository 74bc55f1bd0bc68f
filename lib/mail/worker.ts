// The outbox worker: runs inside the server process (instrumentation.ts), or alone
// (scripts/outbox-worker.ts). Claims due rows, sends them, retries with exponential backoff; a sent
// row is never sent again. Each message carries a Message-ID made from its row
// (`<outbox.<id>@<MAIL_FROM's domain>>`): the one case where it can reach the recipient twice — the
// process dies after the SMTP server accepted it and before the row is marked sent — gives two
// copies with the same Message-ID, which mail clients recognise as one message.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { errorSummary } from '../core/errors.ts';
import { purgeThrottles } from '../core/throttle.ts';
import { getTransport } from './transport.ts';
import * as clock from '../core/clock.ts';

/** With backoffMs, 31 attempts cover about 24 hours of SMTP outage (RETRY_WINDOW_MS) before a row is FAILED. */
export const MAX_ATTEMPTS = 31;
/** How long a claimed row stays invisible to other workers; renewed just before each send. */
export const CLAIM_MS = 60_000;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** From the first attempt to the last one (MAX_ATTEMPTS failures in a row): 24 h 3 min 30 s. */
export const RETRY_WINDOW_MS = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1)).reduce((a, b) => a + b, 0);

/** The domain of MAIL_FROM's address (`ministage <ne-pas-repondre@ministage.fr>` → ministage.fr). */
export function mailDomain(from = env.mailFrom): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@').pop()?.trim().toLowerCase() ?? '';
  return /^[a-z0-9.-]+$/.test(domain) && domain.includes('.') ? domain : 'ministage.localhost';
}

/** The idempotency key of an outbox row: the same on every attempt, unique to the row. */
export function messageIdOf(rowId: string, from = env.mailFrom): string {
  return `<outbox.${rowId}@${mailDomain(from)}>`;
}

type Claimed = { id: string; to: string; subject: string; html: string; text: string; attempts: number };

/** Claims up to `limit` due rows atomically (a row claimed by one worker is invisible to others). */
async function claim(limit: number, now: Date, until: Date): Promise<Claimed[]> {
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

/**
 * Just before sending a row of the batch: is it still ours (our lease, still pending)? Then the
 * lease starts again, so a slow batch never lets another worker claim a row this one is about to send.
 */
async function renew(id: string, lease: Date, next: Date): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${next}
    WHERE "id" = ${id} AND "status" = 'PENDING' AND "lockedUntil" = ${lease}`;
  return n === 1;
}

/** Sends what is due; returns how many were sent and how many failed this round. */
export async function processOutbox(options: { limit?: number; now?: Date; smtpUrl?: string } = {}) {
  const now = options.now ?? clock.now();
  const lease = new Date(now.getTime() + CLAIM_MS);
  const rows = await claim(options.limit ?? 20, now, lease);
  let sent = 0;
  let failed = 0;
  const transport = getTransport(options.smtpUrl);
  const files = rows.length ? await prisma.outboxAttachment.findMany({ where: { emailId: { in: rows.map((r) => r.id) } }, orderBy: { position: 'asc' } }) : [];
  for (const row of rows) {
    // Another worker took it after our lease ran out (a slow batch): it is theirs now.
    if (!(await renew(row.id, lease, new Date(clock.nowMs() + CLAIM_MS)))) continue;
    try {
      const attachments = files.filter((f) => f.emailId === row.id).map((f) => ({ filename: f.filename, contentType: f.contentType, content: Buffer.from(f.content) }));
      await transport.sendMail({
        from: env.mailFrom,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments,
        messageId: messageIdOf(row.id),
      });
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
        await purgeThrottles();
      }
    } catch (err) {
      console.error('[outbox]', errorSummary(err));
    } finally {
      running = false;
    }
  };
  timer = setInterval(tick, intervalMs);
  timer.unref();
}
