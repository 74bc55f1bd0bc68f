// The audit trail: one AuditEntry row per act, written in the transaction of the change.
// Pupils' names never go in `data` (the yearly rollover anonymises pupils; the audit keeps ids).
import type { Prisma } from '../generated/prisma/client.ts';
import type { Tx } from '../core/db.ts';
import * as clock from '../core/clock.ts';

export type AuditInput = {
  actorId?: string | null;
  action: string; // "class.delete", "pupil.move", "account.activate", "stage.cancel" …
  establishmentId?: string | null;
  siteId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue | Record<string, unknown>;
};

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      establishmentId: entry.establishmentId ?? null,
      siteId: entry.siteId ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: (entry.data ?? undefined) as Prisma.InputJsonValue | undefined,
      at: clock.now(),
    },
  });
}
