// Audit trail of the team's acts on classes, pupils and memberships. Pupils' names never go in
// `data` (the yearly rollover anonymises pupils; the audit keeps only ids and class names).
import type { Tx } from '../core/db.ts';

export type AuditInput = {
  actorId: string | null;
  action: string; // "class.delete", "pupil.move", "membership.approve" …
  establishmentId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      establishmentId: entry.establishmentId ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: (entry.data ?? undefined) as never,
    },
  });
}
