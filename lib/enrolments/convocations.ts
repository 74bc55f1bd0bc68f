// Convocations are sent after the enrolment, not inside it: the enrolment's transaction (which holds
// the stage's seat row) only marks `convocationDue`; this loop, started by instrumentation.ts and
// woken at once by the actions, builds the emails (rendering, .ics) in a transaction of its own.
// A convocation is claimed by a conditional update first, so two loops never send one twice; an
// enrolment cancelled before its turn gets none.
import { prisma } from '../core/db.ts';
import { env } from '../core/env.ts';
import { siteOrigin } from '../core/origin.ts';
import * as clock from '../core/clock.ts';
import { enrolmentMailSelect, sendConvocation } from '../stages/convocation.ts';
import { errorSummary } from '../core/errors.ts';

/** Links in background emails: the platform's address, https in production, else the server's port. */
export function backgroundOrigin(site: { slug: string; domains: { host: string }[] }): string {
  const portal = env.isProduction ? `https://${env.rootDomain}` : `http://${env.rootDomain}:${process.env.PORT ?? 3000}`;
  return siteOrigin(site, portal, env.rootDomain);
}

export const loopSelect = {
  ...enrolmentMailSelect,
  stage: {
    select: {
      ...enrolmentMailSelect.stage.select,
      status: true,
      site: { select: { ...enrolmentMailSelect.stage.select.site.select, slug: true, domains: { select: { host: true }, take: 1 } } },
    },
  },
} as const;

/** Sends the pending convocations (oldest first); returns how many enrolments were handled. */
export async function sendDueConvocations(limit = 50): Promise<number> {
  const due = await prisma.enrolment.findMany({
    where: { convocationDue: { not: null } },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true, convocationDue: true },
  });
  let handled = 0;
  for (const d of due) {
    try {
      handled += await prisma.$transaction(async (tx) => {
        const { count } = await tx.enrolment.updateMany({ where: { id: d.id, convocationDue: d.convocationDue }, data: { convocationDue: null } });
        if (count !== 1) return 0;
        // The stage as it is now, kept so until we commit: an edit arriving meanwhile waits, then
        // sees this convocation sent and sends its update.
        await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "id" = (SELECT "stageId" FROM "Enrolment" WHERE "id" = ${d.id}) FOR SHARE`;
        const row = await tx.enrolment.findUniqueOrThrow({ where: { id: d.id }, select: loopSelect });
        if (row.status !== 'CONFIRMED' || row.stage.status !== 'PUBLISHED') return 1;
        const now = clock.now();
        const kind = d.convocationDue === 'promoted' ? 'promoted' : d.convocationDue === 'updated' ? 'updated' : 'new';
        const sent = await sendConvocation(tx, row, { kind, origin: backgroundOrigin(row.stage.site), now });
        if (sent) await tx.enrolment.update({ where: { id: d.id }, data: { convocationSentAt: now } });
        return 1;
      });
    } catch (err) {
      // One broken convocation does not hold the others up: it is logged and given up.
      console.error('[convocations] enrolment', d.id, errorSummary(err));
      await prisma.enrolment.updateMany({ where: { id: d.id, convocationDue: d.convocationDue }, data: { convocationDue: null } }).catch(() => undefined);
      handled++;
    }
  }
  return handled;
}

// The loop's state lives on globalThis: instrumentation.ts and the actions' bundle may hold two
// copies of this module in one server process, and the wake-up must reach the loop that runs.
type LoopState = { started: boolean; running: Promise<void> | null };
const loop: LoopState = ((globalThis as { __ministageConvocations?: LoopState }).__ministageConvocations ??= { started: false, running: null });

/** One round now (no overlap with a round in progress); a no-op until the loop is started. */
export function wakeConvocations(): void {
  if (!loop.started || loop.running) return;
  loop.running = (async () => {
    try {
      while ((await sendDueConvocations()) > 0);
    } catch (err) {
      console.error('[convocations]', errorSummary(err));
    } finally {
      loop.running = null;
    }
  })();
}

/** Started once by instrumentation.ts: a round every few seconds, and at each wake-up. */
export function startConvocations(intervalMs = env.outboxIntervalMs * 2): void {
  if (loop.started) return;
  loop.started = true;
  setInterval(wakeConvocations, intervalMs).unref();
  wakeConvocations();
}
