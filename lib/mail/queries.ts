// What the operator's « Courriels en échec » page reads: the emails given up (FAILED) and those
// still being retried after a failure (PENDING, attempts > 0). Never the body: recipient, subject,
// template, attempts, the last error and the dates only.
import { prisma } from '../core/db.ts';
import { MAX_ATTEMPTS, RETRY_WINDOW_MS } from './worker.ts';

/** At most this many rows on the page (the oldest problems first would hide new ones: newest first). */
const LIMIT = 200;

export type EmailProblem = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: 'PENDING' | 'FAILED';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
};

export async function listEmailProblems(): Promise<{ rows: EmailProblem[]; more: boolean }> {
  const rows = await prisma.outboxEmail.findMany({
    where: { OR: [{ status: 'FAILED' }, { status: 'PENDING', attempts: { gt: 0 } }] },
    select: { id: true, to: true, subject: true, template: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: LIMIT + 1,
  });
  return { rows: rows.slice(0, LIMIT) as EmailProblem[], more: rows.length > LIMIT };
}

/** What the retries cover, for the page: « 31 essais sur environ 24 heures ». */
export const RETRY_POLICY = { attempts: MAX_ATTEMPTS, hours: Math.round(RETRY_WINDOW_MS / 3_600_000) };
