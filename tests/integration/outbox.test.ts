jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/navigation', () => ({ ...jest.requireActual('next/navigation'), useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));

import { createElement, isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SMTPServer } from 'smtp-server';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { readHeaders, startSmtpCapture } from '../helpers/smtp-capture';
import { MATRIX_ROLES, expectedOutcome, makeTeam, matrixActors, type MatrixRole } from '../factories/college';
import { enqueueEmail } from '@/lib/mail/outbox';
import { MAX_ATTEMPTS, RETRY_WINDOW_MS, backoffMs, mailDomain, messageIdOf, processOutbox, purgeOutbox } from '@/lib/mail/worker';
import { listEmailProblems } from '@/lib/mail/queries';
import { resendEmailAction } from '@/lib/mail/actions';
import { setNow } from '@/lib/core/clock';
import { AccessDenied } from '@/components/ui/AccessDenied';
import FailedEmailsPage from '@/app/(portail)/operateur/courriels/page';
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
    // The idempotency key: a Message-ID made from the row and MAIL_FROM's domain.
    expect(readHeaders(received[0])['message-id']).toBe(`<outbox.${row.id}@ministage.localhost>`);
  });

  it('makes the Message-ID from the row and the domain of MAIL_FROM', () => {
    expect(mailDomain('ministage <ne-pas-repondre@Ministage.Example.fr>')).toBe('ministage.example.fr');
    expect(mailDomain('courriel@ac-rennes.fr')).toBe('ac-rennes.fr');
    expect(mailDomain('pas une adresse')).toBe('ministage.localhost');
    expect(messageIdOf('ckabc123', 'ministage <x@ministage.fr>')).toBe('<outbox.ckabc123@ministage.fr>');
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

describe('the outbox when the SMTP server is down', () => {
  const T0 = Date.parse('2026-12-02T09:00:00+01:00');
  afterEach(() => setNow(null));

  it('keeps every email through ten minutes of refused connections, then delivers each exactly once', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    const smtp = await startSmtpCapture();
    try {
      setNow(new Date(T0), { frozen: true });
      for (let i = 1; i <= 25; i++) {
        await prisma.$transaction((tx) =>
          enqueueEmail(tx, { template: 'notice', to: `eleve${i}@ac-rennes.fr`, subject: `Convocation ${i}`, element: notice(`Convocation ${i}`) }),
        );
      }
      await smtp.down();
      // The worker's rounds, every 5 seconds of the clock, for the ten minutes of the outage.
      let t = T0;
      for (; t < T0 + 10 * 60_000; t += 5_000) {
        setNow(new Date(t), { frozen: true });
        expect((await processOutbox({ smtpUrl: smtp.url })).sent).toBe(0);
      }
      const during = await prisma.outboxEmail.findMany();
      expect(during.map((r) => r.status)).toEqual(Array(25).fill('PENDING'));
      expect(Math.min(...during.map((r) => r.attempts))).toBeGreaterThanOrEqual(5); // 0, 30 s, 1 min 30, 3 min 30, 7 min 30
      expect(during.every((r) => /ECONNREFUSED/.test(r.lastError ?? ''))).toBe(true);
      expect(smtp.deliveries).toHaveLength(0);

      // SMTP is back: the rounds go on until every row is sent (its next attempt falls due).
      await smtp.up();
      for (; t <= T0 + 30 * 60_000 && (await prisma.outboxEmail.count({ where: { status: 'PENDING' } })) > 0; t += 5_000) {
        setNow(new Date(t), { frozen: true });
        await processOutbox({ smtpUrl: smtp.url });
      }
      const rows = await prisma.outboxEmail.findMany();
      expect(rows.filter((r) => r.status !== 'SENT')).toEqual([]);
      const ids = smtp.deliveries.map((d) => d.messageId);
      expect(ids).toHaveLength(25);
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => messageIdOf(r.id))));
      // Delivered at the next attempt after the outage (15 min 30 s after the first).
      expect(Math.max(...rows.map((r) => r.sentAt!.getTime())) - T0).toBeLessThanOrEqual(16 * 60_000);
      // Later rounds send nothing again.
      setNow(new Date(t + 3_600_000), { frozen: true });
      expect(await processOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 0 });
      expect(smtp.deliveries).toHaveLength(25);
    } finally {
      await smtp.close();
    }
  });

  it('keeps retrying for about a day before giving an email up (FAILED after the last attempt)', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    setNow(new Date(T0), { frozen: true });
    await prisma.$transaction((tx) => enqueueEmail(tx, { template: 'notice', to: 'f@ac-rennes.fr', subject: 'Longue panne', element: notice('Longue panne') }));
    let t = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // Just before it is due, a round leaves it alone.
      setNow(new Date(t - 1), { frozen: true });
      expect(await processOutbox({ smtpUrl: 'smtp://127.0.0.1:1' })).toEqual({ sent: 0, failed: 0 });
      setNow(new Date(t), { frozen: true });
      expect(await processOutbox({ smtpUrl: 'smtp://127.0.0.1:1' })).toEqual({ sent: 0, failed: 1 });
      const row = await prisma.outboxEmail.findFirstOrThrow();
      expect([row.attempts, row.status]).toEqual([attempt, attempt < MAX_ATTEMPTS ? 'PENDING' : 'FAILED']);
      if (attempt < MAX_ATTEMPTS) t = row.nextAttemptAt.getTime();
    }
    // The last attempt came RETRY_WINDOW_MS after the first: more than 24 hours of outage covered.
    expect(t - T0).toBe(RETRY_WINDOW_MS);
    expect(RETRY_WINDOW_MS).toBeGreaterThanOrEqual(24 * 3_600_000);
    setNow(new Date(t + 7 * 86_400_000), { frozen: true });
    expect(await processOutbox({ smtpUrl: 'smtp://127.0.0.1:1' })).toEqual({ sent: 0, failed: 0 });
  });
});

describe('the operator’s « Courriels en échec »', () => {
  const T0 = Date.parse('2026-12-02T11:00:00+01:00');
  let actors: Record<MatrixRole, string | null>;
  const ids: Record<string, string> = {};
  const BODY = 'Corps confidentiel du message de Léa';

  beforeAll(async () => {
    const { prisma } = db();
    const team = await makeTeam(prisma, { name: 'Collège les Ormeaux' });
    const other = await makeTeam(prisma, { name: 'Collège Françoise Dolto' });
    actors = await matrixActors(prisma, team, other);
  });

  beforeEach(async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany();
    setNow(new Date(T0), { frozen: true });
    const row = (data: Record<string, unknown>) =>
      prisma.outboxEmail.create({ data: { template: 'notice', html: `<p>${BODY}</p>`, text: BODY, ...data } as never, select: { id: true } });
    ids.failed = (
      await row({ to: 'abandon@ac-rennes.fr', subject: 'Abandonné', status: 'FAILED', attempts: MAX_ATTEMPTS, lastError: 'connect ECONNREFUSED 10.0.0.1:25' })
    ).id;
    ids.retrying = (
      await row({
        to: 'retry@ac-rennes.fr',
        subject: 'En reprise',
        status: 'PENDING',
        attempts: 3,
        lastError: '421 Try again later',
        nextAttemptAt: new Date(T0 + 120_000),
      })
    ).id;
    ids.sending = (
      await row({ to: 'envoi@ac-rennes.fr', subject: 'En cours', status: 'PENDING', attempts: 2, lastError: 'timeout', lockedUntil: new Date(T0 + 30_000) })
    ).id;
    ids.sent = (await row({ to: 'parti@ac-rennes.fr', subject: 'Parti', status: 'SENT', attempts: 1, sentAt: new Date(T0) })).id;
    ids.fresh = (await row({ to: 'neuf@ac-rennes.fr', subject: 'Neuf', status: 'PENDING', attempts: 0 })).id;
  });
  afterEach(() => setNow(null));

  it('lists the emails given up and those retried after a failure, never the sent or untried ones, nor a body', async () => {
    const { rows } = await listEmailProblems();
    expect(rows.map((r) => r.to).sort()).toEqual(['abandon@ac-rennes.fr', 'envoi@ac-rennes.fr', 'retry@ac-rennes.fr']);
    expect(Object.keys(rows[0]).sort()).toEqual(['attempts', 'createdAt', 'id', 'lastError', 'nextAttemptAt', 'status', 'subject', 'template', 'to']);
  });

  it('shows the page to the operator only: recipient, subject, template, attempts, last error — not the body', async () => {
    actAs(actors.OPERATOR);
    const html = renderToStaticMarkup((await FailedEmailsPage()) as React.ReactElement);
    for (const text of ['abandon@ac-rennes.fr', 'En reprise', 'notice', 'connect ECONNREFUSED 10.0.0.1:25', '421 Try again later', 'Abandonné', 'Renvoyer'])
      expect(html).toContain(text);
    expect(html).toContain(`${MAX_ATTEMPTS}</td>`);
    expect(html).not.toContain(BODY);
    expect(html).not.toContain('parti@ac-rennes.fr');
    for (const role of MATRIX_ROLES.filter((r) => r !== 'OPERATOR' && r !== 'ANONYMOUS')) {
      actAs(actors[role]);
      const tree = await FailedEmailsPage();
      expect(isValidElement(tree) && tree.type === AccessDenied).toBe(true);
    }
    actAs(null);
    await expect(FailedEmailsPage()).rejects.toMatchObject({ digest: expect.stringContaining('/connexion') });
  });

  it('says so when nothing is in trouble', async () => {
    const { prisma } = db();
    await prisma.outboxEmail.deleteMany({ where: { status: { not: 'SENT' } } });
    actAs(actors.OPERATOR);
    expect(renderToStaticMarkup((await FailedEmailsPage()) as React.ReactElement)).toContain('Aucun courriel en échec.');
  });

  it('« Renvoyer » puts the email back in the queue now, attempts from zero, audited; the worker then sends it once', async () => {
    const { prisma } = db();
    actAs(actors.OPERATOR);
    expect(await resendEmailAction({ emailId: ids.failed })).toEqual({ ok: true, data: { resent: true } });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.failed } });
    expect([row.status, row.attempts, row.nextAttemptAt.getTime(), row.lockedUntil, row.lastError]).toEqual(['PENDING', 0, T0, null, null]);
    const audit = await prisma.auditEntry.findMany({ where: { action: 'email.resend', targetId: ids.failed } });
    expect(audit.map((a) => [a.actorId, a.targetType, a.data])).toEqual([
      [actors.OPERATOR, 'OutboxEmail', { template: 'notice', status: 'FAILED', attempts: MAX_ATTEMPTS }],
    ]);
    expect(await resendEmailAction({ emailId: ids.retrying })).toEqual({ ok: true, data: { resent: true } });
    expect((await listEmailProblems()).rows.map((r) => r.to)).toEqual(['envoi@ac-rennes.fr']);

    received.length = 0;
    await prisma.outboxEmail.deleteMany({ where: { id: { in: [ids.sending, ids.fresh] } } });
    expect(await processOutbox({ smtpUrl })).toEqual({ sent: 2, failed: 0 });
    expect(received.map((r) => readHeaders(r)['message-id']).sort()).toEqual([messageIdOf(ids.failed), messageIdOf(ids.retrying)].sort());
  });

  it('refuses to resend a sent email, one being sent or one never tried, with a French message, and changes nothing', async () => {
    const { prisma } = db();
    actAs(actors.OPERATOR);
    const before = await prisma.outboxEmail.findMany({ orderBy: { id: 'asc' } });
    expect(await resendEmailAction({ emailId: ids.sent })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/déjà été envoyé/) } });
    expect(await resendEmailAction({ emailId: ids.sending })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/en cours d’envoi/) },
    });
    expect(await resendEmailAction({ emailId: ids.fresh })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await resendEmailAction({ emailId: 'inconnu' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await resendEmailAction({ emailId: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await resendEmailAction({})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await prisma.outboxEmail.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await prisma.auditEntry.count({ where: { action: 'email.resend', targetId: { in: Object.values(ids) } } })).toBe(0); // the rows of this test
  });

  it('is the operator’s only: every other role is refused and nothing changes', async () => {
    const { prisma } = db();
    for (const role of MATRIX_ROLES.filter((r) => r !== 'OPERATOR')) {
      actAs(actors[role]);
      const result = await resendEmailAction({ emailId: ids.failed });
      expect([role, result.ok ? 'OK' : result.error.code]).toEqual([role, expectedOutcome(role, ['OPERATOR'], { scoped: false })]);
    }
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.failed } })).status).toBe('FAILED');
    expect(await prisma.auditEntry.count({ where: { action: 'email.resend', targetId: { in: Object.values(ids) } } })).toBe(0); // the rows of this test
  });
});
