// The outbox worker in a process of its own, for tests/integration/outbox-crash.test.ts (run with
// `node --import tsx`): DATABASE_URL, SMTP_URL, MAIL_FROM and MINISTAGE_NOW (the clock's start)
// come from the environment. It prints the rows' states as it finds them (one JSON line: what a
// killed predecessor left), runs the worker's rounds until one finds nothing due, prints the states
// again with what it sent, and exits. Killed on the way, it prints nothing more.
import { createPrisma, setPrisma } from '../../lib/core/db.ts';
import { processOutbox } from '../../lib/mail/worker.ts';

const { prisma, pglite } = createPrisma();
setPrisma(prisma);
const states = async () => (await prisma.outboxEmail.findMany({ select: { id: true, status: true }, orderBy: { createdAt: 'asc' } })).map((r) => [r.id, r.status]);

let code = 0;
try {
  console.log(JSON.stringify({ before: await states() }));
  let sent = 0;
  let failed = 0;
  for (;;) {
    const round = await processOutbox({ limit: 20 });
    sent += round.sent;
    failed += round.failed;
    if (round.sent + round.failed === 0) break;
  }
  console.log(JSON.stringify({ after: await states(), sent, failed }));
} catch (err) {
  console.error((err as Error)?.stack ?? err);
  code = 1;
} finally {
  await prisma.$disconnect();
  await pglite?.close();
}
process.exit(code);
