// The audit log for routes and other areas' app code (db/ code imports db/audit directly).
export { appendAuditEntry, type AuditAction, type NewAuditEntry } from "../../db/audit/audit-log";
