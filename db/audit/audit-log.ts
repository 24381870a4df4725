import { createHash } from "node:crypto";
import type { Executor } from "../database";
import type { AuditEntry } from "../schema/audit.table";

/** Every action the audit log records. Other areas add theirs here (one line each). */
export const auditActions = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.refused",
  "mfa.failed",
  "mfa.enrolled",
  "mfa.recovery_code_used",
  "mfa.recovery_codes_regenerated",
  "account.locked",
  "account.password_changed",
  "account.sessions_ended",
  "account.created",
  "permission.denied",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.password_reset_issued",
  "user.password_reset_used",
  "invitation.created",
  "invitation.revoked",
  "agency.applied",
  "agency.approved",
  "agency.declined",
  "agency.partner_code_rotated",
  "agency.member_removed",
  "agency.member_role_changed",
  "agency.left",
  "export.created",
  "api_token.created",
  "api_token.revoked",
  "report.published",
  "report.featured",
  "submission.rejected",
  "review.claimed",
  "review.claim_released",
  "review.draft_saved",
  "review.stage1_submitted",
  "review.approved",
  "review.sent_back",
  "review.question_asked",
  "review.question_timed_out",
  "review.duplicate_marked",
  "publication.batch_run",
  "submission.destroyed",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface NewAuditEntry {
  /** A users.id, or null for a system or anonymous attempt. Never anything about a submitter. */
  actorUserId: string | null;
  action: AuditAction;
  targetType?: "user" | "agency" | "invitation" | "report" | "export" | "route" | "session" | "submission" | "publication_batch" | "api_token";
  targetId?: string | null;
  detail?: AuditDetail;
  occurredAt?: Date;
}

export const GENESIS_HASH = "0".repeat(64);

// The log is about staff actions. Officers are anonymous: nothing that could point at a submitter
// (addresses, agents, receipt codes, narratives, submission ids) may be written, whoever calls this.
const FORBIDDEN_DETAIL_KEY = /(^ip$|ip_?addr|address|user_?agent|referr?er|receipt|narrative|submitter|submission)/i;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

export class AuditDetailError extends Error {}

function assertNothingAboutSubmitters(entry: NewAuditEntry): void {
  for (const [key, value] of Object.entries(entry.detail ?? {})) {
    if (FORBIDDEN_DETAIL_KEY.test(key)) throw new AuditDetailError(`Audit detail may not hold "${key}"`);
    if (typeof value === "string" && IPV4.test(value)) throw new AuditDetailError("Audit detail may not hold an IP address");
  }
}

/** The exact text a row's hash covers: every column but the hash itself, in a fixed order. */
export function canonicalAuditText(row: Omit<AuditEntry, "hash">): string {
  return JSON.stringify([
    row.seq,
    row.occurred_at.toISOString(),
    row.actor_user_id,
    row.action,
    row.target_type,
    row.target_id,
    row.detail,
    row.prev_hash,
  ]);
}

export function auditHash(row: Omit<AuditEntry, "hash">): string {
  return createHash("sha256").update(canonicalAuditText(row)).digest("hex");
}

// Appends are serialised in this process: each needs the previous row's hash. DuckDB allows one
// process per database file, so an in-process queue is the whole story.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Appends one entry to the hash-chained audit log (DESIGN §8). Call it after the action it records
 * has been committed, with the root database (not inside a transaction another append could race).
 */
export function appendAuditEntry(db: Executor, entry: NewAuditEntry): Promise<AuditEntry> {
  assertNothingAboutSubmitters(entry);
  const run = queue.then(async () => {
    const last = await db.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
    const row = {
      seq: (last?.seq ?? 0) + 1,
      // Millisecond precision survives the TIMESTAMP round trip, so the hash can be recomputed.
      occurred_at: new Date(Math.floor((entry.occurredAt ?? new Date()).getTime())),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const full = { ...row, hash: auditHash(row) };
    await db.insertInto("audit_log").values(full).execute();
    return full;
  });
  queue = run.catch(() => undefined);
  return run;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first broken row and why, when not ok. */
  brokenAt?: number;
  problem?: string;
}

/**
 * Walks the chain from the first row: each row's hash must match its content and its prev_hash the
 * row before it, and seq must have no gaps. An edited, deleted or inserted row breaks it.
 */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom("audit_log").selectAll().where("seq", ">=", expectedSeq).orderBy("seq").limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const fail = (problem: string): AuditVerification => ({ ok: false, entries, headHash: prevHash, brokenAt: row.seq, problem });
      if (row.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return fail("previous-hash link does not match the entry before it");
      const { hash, ...rest } = row;
      if (auditHash(rest) !== hash) return fail("content does not match its hash (the entry was edited)");
      prevHash = hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return { ok: true, entries, headHash: prevHash };
}
