// The audit trail: one AuditEntry row per act, written in the transaction of the change, with who
// (actorId), where (establishmentId / siteId), when, and the client's address when a request caused it.
// Pupils' names never go in `data` (the yearly rollover anonymises pupils; the audit keeps ids).
// The row itself is written by lib/core/audit-line.ts (shared with core's own acts); lines are
// append-only: no update or delete path, and the database refuses both.
import type { Tx } from '../core/db.ts';
import { auditIp, writeAuditLine, type AuditLine } from '../core/audit-line.ts';

export type AuditInput = AuditLine;

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await writeAuditLine(tx, entry);
}

/** The current request's client address as the trail records it (null outside a request), for a line written in SQL. */
export const requestAuditIp = (): Promise<string | null> => auditIp();
