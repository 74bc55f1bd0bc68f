// Two instances of ministage on one PostgreSQL (PostgreSQL only: `npm run test:postgres -- two-instances`;
// skipped on PGlite, which one process at a time may open). Each instance is a child process
// (tests/helpers/instance-child.ts) with its own Prisma client and pg pool (lib/core/db.ts), its own
// clock (MINISTAGE_NOW) and the real services, as two app servers behind a load balancer would be.
//
// 1. An enrolment burst split across both: 120 pupils of 4 collèges for a stage of 16 seats, each
//    instance enrolling its 60 (pupils of every collège) 30 at a time, both starting at one instant.
//    Exactly 16 confirmed, Stage.enrolledCount = the confirmed rows, no pupil twice, the waiting list
//    filled to its cap (waitingCap: 32) and the other 72 refused as « liste d'attente complète », each
//    row with its one audit line and each pupil told what the database holds.
//    Why this fails if the seat were not atomic: the two processes share nothing but PostgreSQL —
//    no lock in Node, no shared event loop — and hold 10 connections each (their backends are
//    checked to be distinct), so up to 20 enrolments are inside PostgreSQL at the same moment while
//    the last seats go. A seat taken as « read enrolledCount, then write » lets several of them read
//    15 and all write: more than 16 CONFIRMED rows, or enrolledCount out of step with them (the CHECK
//    enrolledCount ≤ capacity would turn some into errors, which fail the test too). Tried: with
//    enrolment_usual's conditional UPDATE replaced by such a read then an unconditional increment (and
//    the CHECK dropped), this test got 19 confirmed for 16 seats. The two bursts are checked to
//    overlap in time, so the test never passes with one instance after the other.
// 2. The outbox: 200 PENDING rows, each to its own address; both instances run the worker
//    (lib/mail/worker.ts processOutbox, 5 rows a round) against one in-test SMTP server at the same
//    time until nothing is pending. Every row SENT after one attempt, each address received exactly
//    one message, each message's Message-ID is its row's, and both instances sent some (their claims
//    really competed).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createPostgresDatabase } from '../helpers/db';
import type { Command, EnrolJob, FromChild } from '../helpers/instance-child';
import { daysFromNow, makeCollege, makeSite, makeStage, NOW, principalOf, type TestCollege, type TestSite } from '../factories/sites';
import { uaiCheckLetter } from '@/lib/reference/uai';
import { waitingCap, type EnrollingMember } from '@/lib/enrolments/service';
import { messageIdOf } from '@/lib/mail/worker';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

// More seats than one instance's pool has connections (10): the first wave of either instance alone
// cannot take them all, the seats are contended by both.
const CAPACITY = 16;
const COLLEGES = 4;
const PUPILS_PER_COLLEGE = 30;
const PUPILS = COLLEGES * PUPILS_PER_COLLEGE;
const CONCURRENCY = 30; // enrolments in flight in each instance
const EMAILS = 200;
const BATCH = 5; // rows per processOutbox round: many rounds, so the two workers' claims interleave
const MAIL_FROM = 'ministage <ne-pas-repondre@ministage.example.fr>';
const FULL_LIST = 'La liste d’attente de ce stage est complète : choisissez un autre stage.';

type Instance = {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** The next message of this type (an 'error' message or the child's exit rejects). */
  next: <T extends FromChild['type']>(type: T) => Promise<Extract<FromChild, { type: T }>>;
  exited: Promise<unknown>;
};

let database: { url: string; prisma: PrismaClient; drop: () => Promise<void> };
let smtp: Smtp;
let instances: Instance[] = [];
let backends: number[][] = [];

type Delivery = { rcpt: string[]; to: string; messageId: string };
type Smtp = { url: string; deliveries: Delivery[]; close: () => Promise<void> };

/** A message's header block (up to the first empty line), unfolded, names in lower case. */
function headersOf(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  let last = '';
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) headers[last] += ` ${line.trim()}`;
    else {
      const m = /^([^:\s]+):\s*(.*)$/.exec(line);
      if (m) headers[(last = m[1].toLowerCase())] ??= m[2].trim();
    }
  }
  return headers;
}

/**
 * A minimal SMTP server that accepts every message and keeps its envelope recipients, To and
 * Message-ID. Not smtp-server (tests/helpers/smtp-capture.ts): it waits 100 ms before each greeting
 * (its early-talker check), and each outbox email is a connection of its own — 200 emails would
 * spend most of the test in that wait.
 */
async function startSmtp(): Promise<Smtp> {
  const deliveries: Delivery[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let rcpt: string[] = [];
    let data: string[] | null = null;
    reply('220 two-instances ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line !== '.') {
            data.push(line.startsWith('.') ? line.slice(1) : line); // dot-stuffing
            continue;
          }
          const headers = headersOf(data);
          deliveries.push({ rcpt, to: headers.to ?? '', messageId: headers['message-id'] ?? '' });
          data = null;
          rcpt = [];
          reply('250 2.0.0 OK');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 two-instances');
        else if (verb === 'MAIL' || verb === 'RSET') {
          rcpt = [];
          reply('250 OK');
        } else if (verb === 'RCPT') {
          rcpt.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          reply('250 OK');
        } else if (verb === 'DATA') {
          data = [];
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A fresh database on the test's PostgreSQL server with the real migrations, its URL for the instances, a client for the test. */
async function createDatabase(server: string) {
  const { url, drop: dropDatabase } = await createPostgresDatabase(server);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const drop = async () => {
    await prisma.$disconnect();
    await dropDatabase();
  };
  return { url, prisma, drop };
}

function startInstance(name: string): Instance {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, SMTP_URL: smtp.url, MAIL_FROM, MINISTAGE_NOW: NOW.toISOString() };
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/instance-child.ts'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const queue: FromChild[] = [];
  let wake: (() => void) | null = null;
  let gone: Error | null = null;
  child.on('message', (m: FromChild) => {
    queue.push(m);
    wake?.();
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      gone = new Error(`L’instance ${name} s’est arrêtée (code ${code}, signal ${signal}) :\n${output}`);
      wake?.();
      resolve(code);
    }),
  );
  const next = async <T extends FromChild['type']>(type: T) => {
    while (!queue.length) {
      if (gone) throw gone;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    const m = queue.shift()!;
    if (m.type !== type) throw new Error(`L’instance ${name} a répondu ${JSON.stringify(m).slice(0, 500)} au lieu de « ${type} ».\n${output}`);
    return m as Extract<FromChild, { type: T }>;
  };
  return { name, child, output: () => output, next, exited };
}

/** Gives each instance its command, waits until all are prepared, then starts them all at once. */
async function together<T extends 'enrolled' | 'drained'>(commands: Command[], reply: T) {
  instances.forEach((inst, i) => inst.child.send(commands[i]));
  for (const inst of instances) await inst.next('armed');
  // One start instant for all, a little ahead: each instance waits for it on its own timer, whatever the order the messages arrive in.
  const at = Date.now() + 200;
  for (const inst of instances) inst.child.send({ cmd: 'go', at });
  return Promise.all(instances.map((inst) => inst.next(reply)));
}

/** The two instances' [start, end] intervals overlap. */
function expectOverlap(a: { startedAt: number; endedAt: number }, b: { startedAt: number; endedAt: number }) {
  expect(a.startedAt).toBeLessThanOrEqual(b.endedAt);
  expect(b.startedAt).toBeLessThanOrEqual(a.endedAt);
}

const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL', () => {
  // The burst's world: a platform, 4 collèges of 30 pupils (each with a guardian), their principals, one stage.
  let demo: TestSite;
  let colleges: TestCollege[];
  let members: EnrollingMember[];
  let stage: { id: string };

  beforeAll(async () => {
    database = await createDatabase(process.env.DATABASE_URL!);
    smtp = await startSmtp();
    // The instances start (a few seconds each: tsx, Prisma) while the test writes the burst's rows.
    instances = ['A', 'B'].map(startInstance);
    const p = database.prisma;
    demo = await makeSite(p, { slug: 'duo', uai: '0350032V' });
    const names = ['Collège les Ormeaux', 'Collège Rosa Parks', 'Collège Anne de Bretagne', 'Collège les Gayeulles'];
    colleges = await Promise.all(
      names.map((name, c) => {
        const first7 = `035${String(2100 + 11 * c).padStart(4, '0')}`;
        return makeCollege(p, { uai: first7 + uaiCheckLetter(first7), name, pupils: PUPILS_PER_COLLEGE });
      }),
    );
    members = await Promise.all(colleges.map((c) => principalOf(p, c)));
    stage = await makeStage(p, demo, { date: daysFromNow(9), capacity: CAPACITY });
    backends = (await Promise.all(instances.map((i) => i.next('ready')))).map((r) => r.backends);
  }, 120_000);

  afterAll(async () => {
    for (const inst of instances) {
      if (inst.child.exitCode === null && inst.child.connected) inst.child.send({ cmd: 'exit' });
    }
    for (const inst of instances) {
      const kill = setTimeout(() => inst.child.kill('SIGKILL'), 5_000);
      await inst.exited;
      clearTimeout(kill);
    }
    await database?.drop();
    await smtp?.close();
  }, 30_000);

  it('each instance has its own connections to PostgreSQL', () => {
    const [a, b] = backends;
    expect(a.length).toBeGreaterThan(1);
    expect(b.length).toBeGreaterThan(1);
    expect(a.filter((pid) => b.includes(pid))).toEqual([]);
  });

  it(`a burst of ${PUPILS} enrolments split across both never takes more than the ${CAPACITY} seats`, async () => {
    const p = database.prisma;
    // Pupil k of each collège goes to instance (k + c) mod 2: both instances enrol pupils of every collège.
    const halves: EnrolJob[][] = [[], []];
    const collegeOf = new Map<string, number>();
    for (let k = 0; k < PUPILS_PER_COLLEGE; k++) {
      for (let c = 0; c < COLLEGES; c++) {
        const pupilId = colleges[c].pupils[k].id;
        collegeOf.set(pupilId, c);
        halves[(k + c) % 2].push({ pupilId, member: members[c] });
      }
    }
    const [a, b] = await together(
      halves.map((jobs): Command => ({ cmd: 'enrol', siteId: demo.site.id, stageId: stage.id, jobs, concurrency: CONCURRENCY, waitlist: true })),
      'enrolled',
    );

    // Each instance made its 60 calls, 30 in flight at once, none threw; the two bursts overlapped.
    for (const r of [a, b]) {
      expect(r.errors).toEqual([]);
      expect(r.results).toHaveLength(PUPILS / 2);
      expect(r.maxInFlight).toBe(CONCURRENCY);
    }
    expectOverlap(a, b);

    // What the pupils were told: 16 confirmed, the waiting list full, the rest refused because it is full.
    const results = [...a.results, ...b.results];
    expect(new Set(results.map((r) => r.pupilId)).size).toBe(PUPILS);
    const waiting = waitingCap(CAPACITY);
    expect(tally(results.map((r) => r.outcome))).toEqual({ CONFIRMED: CAPACITY, WAITING: waiting, REFUSED: PUPILS - CAPACITY - waiting });
    for (const r of results.filter((x) => x.outcome === 'REFUSED')) expect(r.message.endsWith(FULL_LIST)).toBe(true);

    // What the database holds: the seats counted once, one row per pupil told « inscrit » or « en attente ».
    const { enrolledCount } = await p.stage.findUniqueOrThrow({ where: { id: stage.id }, select: { enrolledCount: true } });
    const rows = await p.enrolment.findMany({
      where: { stageId: stage.id },
      select: { id: true, pupilId: true, status: true, establishmentId: true, enrolledById: true },
    });
    const confirmedRows = rows.filter((r) => r.status === 'CONFIRMED');
    expect(confirmedRows).toHaveLength(CAPACITY);
    expect(enrolledCount).toBe(confirmedRows.length);
    expect(tally(rows.map((r) => r.status))).toEqual({ CONFIRMED: CAPACITY, WAITING: waiting });
    expect(new Set(rows.map((r) => r.pupilId)).size).toBe(rows.length);
    const told = new Map(results.map((r) => [r.pupilId, r.outcome]));
    for (const row of rows) {
      expect(told.get(row.pupilId)).toBe(row.status);
      const c = collegeOf.get(row.pupilId)!;
      expect([row.establishmentId, row.enrolledById]).toEqual([colleges[c].est.id, colleges[c].principal.id]);
    }

    // Every row has exactly one audit line « enrolment.create » with its status, and every line its row.
    const audit = await p.auditEntry.findMany({ where: { action: 'enrolment.create', data: { path: ['stageId'], equals: stage.id } } });
    const lines = audit.map((e) => `${e.targetId} ${(e.data as { status?: string }).status}`).sort();
    expect(lines).toEqual(rows.map((r) => `${r.id} ${r.status}`).sort());

    const seatsBy = [a, b].map((r) => r.results.filter((x) => x.outcome === 'CONFIRMED').length);
    const waitingBy = [a, b].map((r) => r.results.filter((x) => x.outcome === 'WAITING').length);
    console.log(
      `[two-instances] 2 instances, ${PUPILS} inscriptions (${CONCURRENCY} en vol par instance) pour ${CAPACITY} places : ${confirmedRows.length} confirmées (A ${seatsBy[0]}, B ${seatsBy[1]}), ${waiting} en attente (A ${waitingBy[0]}, B ${waitingBy[1]}), ${PUPILS - CAPACITY - waiting} refusées ; enrolledCount ${enrolledCount} ; rafale A ${a.endedAt - a.startedAt} ms, B ${b.endedAt - b.startedAt} ms, départs à ${Math.abs(a.startedAt - b.startedAt)} ms l’un de l’autre`,
    );
  }, 60_000);

  it(`the outbox run by both at once sends each of ${EMAILS} emails exactly once`, async () => {
    const p = database.prisma;
    const address = (i: number) => `destinataire${i}@exemple.fr`;
    await p.outboxEmail.createMany({
      data: Array.from({ length: EMAILS }, (_, i) => ({
        template: 'notice',
        to: address(i + 1),
        subject: `Message ${i + 1}`,
        html: `<p>Message ${i + 1}</p>`,
        text: `Message ${i + 1}`,
        nextAttemptAt: NOW,
        createdAt: new Date(NOW.getTime() + i),
      })),
    });
    const before = smtp.deliveries.length;
    const [a, b] = await together(
      instances.map((): Command => ({ cmd: 'outbox', limit: BATCH, deadlineMs: 40_000 })),
      'drained',
    );

    // Both instances worked at the same time and between them sent every row, none failed.
    for (const r of [a, b]) {
      expect(r.failed).toBe(0);
      expect(r.pendingLeft).toBe(0);
      expect(r.sent).toBeGreaterThan(0);
    }
    expectOverlap(a, b);

    const rows = await p.outboxEmail.findMany({ select: { id: true, to: true, status: true, attempts: true } });
    expect(a.sent + b.sent).toBe(rows.length);
    expect(rows.filter((r) => r.status !== 'SENT' || r.attempts !== 1)).toEqual([]);

    // Each address received exactly one message, and the messages are exactly the rows (by Message-ID).
    const delivered = smtp.deliveries.slice(before);
    expect(delivered).toHaveLength(rows.length);
    const perAddress = tally(delivered.flatMap((d) => d.rcpt));
    for (let i = 1; i <= EMAILS; i++) expect([address(i), perAddress[address(i)]]).toEqual([address(i), 1]);
    for (const d of delivered) expect(d.rcpt).toEqual([d.to.toLowerCase()]);
    expect(delivered.map((d) => d.messageId).sort()).toEqual(rows.map((r) => messageIdOf(r.id, MAIL_FROM)).sort());

    console.log(`[two-instances] 2 workers, ${rows.length} emails : A ${a.sent}, B ${b.sent} envoyés, ${delivered.length} reçus, 0 en double`);
  }, 60_000);
});

if (!onPostgres) {
  describe('two instances on one PostgreSQL', () => {
    it.skip('runs on PostgreSQL only: npm run test:postgres -- two-instances', () => undefined);
  });
}
