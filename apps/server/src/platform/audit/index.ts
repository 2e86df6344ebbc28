export { recordAudit, type AuditActor, type AuditEvent } from './audit.service';
export { verifyAuditChains, verifyAuditChainsIn, type VerifyResult } from './audit.verify';
export { auditLog } from './audit.table';
export { auditLogPage, type AuditRow } from './audit.page';
