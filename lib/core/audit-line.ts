// Writing one line of the audit trail (table AuditEntry): the one INSERT of the code base. Areas call
// it through lib/audit/service.ts `recordAudit`; core's own acts (a failed sign-in, credentials.ts)
// call it here, since lib/core imports no area. Lines are never changed or deleted: the database
// refuses it (trigger of migration 20261204000000_audit_trail), and no code path tries.
import type { Prisma } from '../generated/prisma/client.ts';
import type { Tx } from './db.ts';
import * as clock from './clock.ts';
import { clientIp } from './request.ts';

export type AuditLine = {
  actorId?: string | null;
  action: string; // "class.delete", "pupil.move", "account.activate" … (a French label each: lib/audit/labels.ts)
  establishmentId?: string | null;
  siteId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Never a pupil's or a guardian's name (the trail outlives the yearly anonymisation). */
  data?: Prisma.InputJsonValue | Record<string, unknown>;
  /** The client's address; by default the current request's (none outside a request: a job, a script). */
  ip?: string | null;
};

/** The address to record: the given one, else the request's; null when there is none. */
export async function auditIp(given?: string | null): Promise<string | null> {
  const ip = given === undefined ? await clientIp() : given;
  return ip && ip !== 'unknown' ? ip.slice(0, 64) : null;
}

export async function writeAuditLine(db: Tx, line: AuditLine): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: line.actorId ?? null,
      action: line.action,
      establishmentId: line.establishmentId ?? null,
      siteId: line.siteId ?? null,
      targetType: line.targetType,
      targetId: line.targetId,
      data: (line.data ?? undefined) as Prisma.InputJsonValue | undefined,
      ip: await auditIp(line.ip),
      at: clock.now(),
    },
  });
}
