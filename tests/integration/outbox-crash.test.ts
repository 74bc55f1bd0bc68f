// The outbox under a crash: the process that sends is killed (SIGKILL) in the middle of a batch,
// twice, then started again. Every email is delivered; a row marked sent is never sent again; the
// one email that can go twice (accepted by the SMTP server, the process dead before the row is
// marked) goes again with the same Message-ID — the row's idempotency key.
// The worker runs in a child process (tests/helpers/outbox-child.ts) on a PGlite directory or,
// under `npm run test:postgres`, on a PostgreSQL database (tests/helpers/shared-db.ts). Each child
// prints the rows' states as it finds them: what its killed predecessor left. A restart after a
// crash starts its clock past the dead worker's claims (CLAIM_MS), as a real restart a minute later.
import { spawn, type ChildProcess } from 'node:child_process';
import { createElement } from 'react';
import { createSharedDb, type SharedDb } from '../helpers/shared-db';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture';
import { enqueueEmail } from '@/lib/mail/outbox';
import { CLAIM_MS, messageIdOf } from '@/lib/mail/worker';
import { setNow } from '@/lib/core/clock';
import NoticeEmail from '@/emails/notice';

const T0 = Date.parse('2026-12-02T10:00:00+01:00');
const EMAILS = 30; // more than one batch (20 rows per round)
const MAIL_FROM = 'ministage <ne-pas-repondre@ministage.example.fr>';

const CHILD = require.resolve('../helpers/outbox-child.ts');

const notice = (title: string) => createElement(NoticeEmail, { platformName: 'ministage', title, paragraphs: ['Bonjour,'], reason: 'Test.' });

let db: SharedDb;
let smtp: SmtpCapture;

beforeAll(async () => {
  // A batch of emails written on the test's clock.
  setNow(new Date(T0), { frozen: true });
  db = await createSharedDb(async (prisma) => {
    for (let i = 1; i <= EMAILS; i++) {
      await prisma.$transaction((tx) =>
        enqueueEmail(tx, { template: 'notice', to: `eleve${i}@ac-rennes.fr`, subject: `Convocation ${i}`, element: notice(`Convocation ${i}`) }),
      );
    }
  });
  smtp = await startSmtpCapture();
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  await db?.drop();
  setNow(null);
});

type States = [string, string][];
type Report = { before?: States; after?: States; sent?: number; failed?: number };
type Run = { child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null; code: number | null; report: Report; output: string }> };

/** Starts the worker in a child process; its clock starts at `clockAt` (MINISTAGE_NOW). */
function startWorker(clockAt: number): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, SMTP_URL: smtp.url, MAIL_FROM, MINISTAGE_NOW: new Date(clockAt).toISOString() };
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null; report: Report; output: string }>((resolve) =>
    child.on('close', (code, signal) => {
      const report: Report = Object.assign({}, ...stdout.split('\n').flatMap((l) => (l.startsWith('{') ? [JSON.parse(l)] : [])));
      resolve({ signal, code, report, output: stdout + stderr });
    }),
  );
  return { child, exited };
}

const sentIn = (states: States | undefined) => (states ?? []).filter(([, s]) => s === 'SENT').map(([id]) => id);

describe('the outbox when the sending process is killed', () => {
  it('delivers every email, never again a row marked sent, and a resent one with the same Message-ID', async () => {
    const id = (rowId: string) => messageIdOf(rowId, MAIL_FROM);

    // First run: killed when the 8th message has reached the SMTP server, before its 250 reply —
    // the server has it, the row is not marked: the state of a crash between acceptance and update.
    const first = startWorker(T0);
    smtp.beforeReply = (_d, n) => {
      if (n === 8) first.child.kill('SIGKILL');
    };
    const one = await first.exited;
    expect(one.signal).toBe('SIGKILL');
    expect(sentIn(one.report.before)).toEqual([]);
    const deliveredAtFirst = smtp.deliveries.length;
    expect(deliveredAtFirst).toBe(8);

    // Second run, once the dead worker's claims have run out: killed just after the 20th delivery's
    // 250 reply, wherever the process is then (reading the reply, writing the row, the next send).
    const secondAt = T0 + CLAIM_MS + 60_000;
    const second = startWorker(secondAt);
    smtp.beforeReply = (_d, n) => {
      if (n === 20) setImmediate(() => second.child.kill('SIGKILL'));
    };
    const two = await second.exited;
    expect(two.signal).toBe('SIGKILL');
    const sentAtFirst = sentIn(two.report.before);
    expect(sentAtFirst).toHaveLength(7);
    expect(sentAtFirst.map(id).sort()).toEqual(
      smtp.deliveries
        .slice(0, 7)
        .map((d) => d.messageId)
        .sort(),
    );
    const deliveredAtSecond = smtp.deliveries.length;

    // Third run: nothing in its way; it sends what is left and stops.
    smtp.beforeReply = null;
    const third = startWorker(secondAt + CLAIM_MS + 60_000);
    const three = await third.exited;
    expect({ code: three.code, failed: three.report.failed }).toEqual({ code: 0, failed: 0 });
    const sentAtSecond = sentIn(three.report.before);
    // 7 + the 8th again + the 9th to the 18th; the 19th too when the kill came after its update.
    expect(sentAtSecond.length).toBeGreaterThanOrEqual(18);
    expect(sentAtSecond.length).toBeLessThanOrEqual(19);

    // Every row is sent, and the distinct Message-IDs delivered are exactly the rows'.
    const rows = three.report.after ?? [];
    expect(rows).toHaveLength(EMAILS);
    expect(rows.filter(([, s]) => s !== 'SENT')).toEqual([]);
    const ids = smtp.deliveries.map((d) => d.messageId);
    expect(new Set(ids)).toEqual(new Set(rows.map(([rowId]) => id(rowId))));
    expect(ids[0]).toMatch(/^<outbox\.[a-z0-9]+@ministage\.example\.fr>$/);

    // A row marked sent at a crash is never delivered after it.
    const after = (n: number) => smtp.deliveries.slice(n).map((d) => d.messageId);
    for (const rowId of sentAtFirst) expect(after(deliveredAtFirst)).not.toContain(id(rowId));
    for (const rowId of sentAtSecond) expect(after(deliveredAtSecond)).not.toContain(id(rowId));

    // The 8th message was delivered twice (the first worker died before marking it), with the
    // same Message-ID, recipient and subject; at most one more duplicate (the second kill).
    const copies = (messageId: string) => smtp.deliveries.filter((d) => d.messageId === messageId);
    const eighth = smtp.deliveries[7];
    expect(copies(eighth.messageId).map((d) => [d.messageId, d.to, d.subject])).toEqual([
      [eighth.messageId, eighth.to, eighth.subject],
      [eighth.messageId, eighth.to, eighth.subject],
    ]);
    const duplicates = smtp.deliveries.length - EMAILS;
    expect(duplicates).toBeGreaterThanOrEqual(1);
    expect(duplicates).toBeLessThanOrEqual(2);
    for (const d of smtp.deliveries) expect(copies(d.messageId).every((c) => c.to === d.to && c.subject === d.subject)).toBe(true);
  }, 180_000); // three worker processes, each opening the database (PGlite: a few seconds each on a quiet machine)
});
