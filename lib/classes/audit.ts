// The classes area writes the shared audit trail (lib/audit).
export { recordAudit, type AuditInput } from '../audit/service.ts';
