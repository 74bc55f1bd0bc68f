import { createElement } from 'react';
import { SMTPServer } from 'smtp-server';
import { useTestDb } from '../helpers/db';
import { enqueueEmail } from '@/lib/mail/outbox';
import { backoffMs, processOutbox, purgeOutbox } from '@/lib/mail/worker';
import { setNow } from '@/lib/core/clock';
import NoticeEmail from '@/emails/notice';

const db = useTestDb();
const received: string[] = [];
let server: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        received.push(raw);
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const notice = (title: string) => createElement(NoticeEmail, { platformName: 'ministage', title, paragraphs: ['Bonjour,'], reason: 'Test.' });

describe('the mail outbox', () => {
  it('keeps nothing when the transaction that wrote it is rolled back', async () => {
    const { prisma } = db();
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { template: 'notice', to: 'a@ac-rennes.fr', subject: 'Annulé', element: notice('Annulé') });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it('sends a pending email once, as HTML and text, and marks it sent', async () => {
    const { prisma } = db();
    await prisma.$transaction((tx) => enqueueEmail(tx, { template: 'notice', to: 'b@ac-rennes.fr', subject: 'Bonjour', element: notice('Bienvenue') }));
    expect(await processOutbox({ smtpUrl })).toEqual({ sent: 1, failed: 0 });
    expect(await processOutbox({ smtpUrl })).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^Subject: Bonjour/m);
    expect(received[0]).toMatch(/text\/plain/);
    expect(received[0]).toMatch(/text\/html/);
    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'b@ac-rennes.fr' } });
    expect(row.status).toBe('SENT');
  });

  it('retries later with backoff when SMTP is down, and nothing is lost', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    await prisma.$transaction((tx) => enqueueEmail(tx, { template: 'notice', to: 'c@ac-rennes.fr', subject: 'Panne', element: notice('Panne') }));
    const down = await processOutbox({ smtpUrl: 'smtp://127.0.0.1:1' });
    expect(down).toEqual({ sent: 0, failed: 1 });
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(row.status).toBe('PENDING');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing is sent even with SMTP back.
    expect(await processOutbox({ smtpUrl })).toEqual({ sent: 0, failed: 0 });
    // Once due, it goes.
    expect(await processOutbox({ smtpUrl, now: new Date(Date.now() + backoffMs(1) + 1000) })).toEqual({ sent: 1, failed: 0 });
  });

  it('backs off exponentially up to one hour', () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('deletes sent emails after the retention period, and keeps pending ones', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    const old = new Date(Date.now() - 31 * 86_400_000);
    await prisma.outboxEmail.createMany({
      data: [
        { template: 'notice', to: 'a@x.fr', subject: 'vieux', html: '', text: '', status: 'SENT', sentAt: old },
        { template: 'notice', to: 'b@x.fr', subject: 'récent', html: '', text: '', status: 'SENT', sentAt: new Date() },
        { template: 'notice', to: 'c@x.fr', subject: 'en attente', html: '', text: '', status: 'PENDING', createdAt: old },
      ],
    });
    expect(await purgeOutbox(new Date(), 30)).toBe(1);
    expect((await prisma.outboxEmail.findMany({ orderBy: { to: 'asc' } })).map((e) => e.subject)).toEqual(['récent', 'en attente']);
  });

  it('sends the attachments with their names and types, and deletes them with the email', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    received.length = 0;
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    await prisma.$transaction((tx) =>
      enqueueEmail(tx, {
        template: 'notice',
        to: 'd@ac-rennes.fr',
        subject: 'Convocation',
        element: notice('Convocation'),
        attachments: [
          { filename: 'convocation.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
          { filename: 'note.txt', contentType: 'text/plain', content: new TextEncoder().encode('é') },
        ],
      }),
    );
    expect(await processOutbox({ smtpUrl })).toEqual({ sent: 1, failed: 0 });
    const raw = received[0].replace(/\r\n/g, '\n');
    expect(raw).toMatch(/Content-Type: text\/calendar; method=REQUEST; name=convocation\.ics/);
    expect(raw).toMatch(/filename=convocation\.ics/);
    expect(raw).toMatch(/filename=note\.txt/);
    const b64 = /filename=convocation\.ics\n\n([A-Za-z0-9+/=\n]+?)\n-/.exec(raw)?.[1] ?? '';
    expect(Buffer.from(b64.replace(/\n/g, ''), 'base64').toString('utf8')).toBe(ics);
    expect(await prisma.outboxAttachment.count()).toBe(2);
    await prisma.outboxEmail.update({ where: { id: (await prisma.outboxEmail.findFirstOrThrow()).id }, data: { sentAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect(await purgeOutbox(new Date(), 30)).toBe(1);
    expect(await prisma.outboxAttachment.count()).toBe(0);
  });

  it('sends an email written while the app clock is set to another day (the row is due on that clock)', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    setNow('2026-08-31T09:00:00+02:00');
    try {
      await prisma.$transaction((tx) => enqueueEmail(tx, { template: 'notice', to: 'e@ac-rennes.fr', subject: 'Rentrée', element: notice('Rentrée') }));
      expect(await processOutbox({ smtpUrl })).toEqual({ sent: 1, failed: 0 });
    } finally {
      setNow(null);
    }
  });
});
