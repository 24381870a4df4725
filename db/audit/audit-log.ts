import { createHash, createHmac } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../database";
import { isPostgres } from "../dialect/postgres-values";
import { inTransaction } from "../in-transaction";
import type { AuditEntry } from "../schema/audit.table";
import { type AuditAnchor, auditAnchor, auditProcessState, readAuditHead, writeAuditHead } from "./audit-anchor";

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
  "account.signed_out",
  "account.reauthentication_failed",
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
  "api_token.refused",
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
  targetType?:
    | "user"
    | "agency"
    | "invitation"
    | "report"
    | "export"
    | "route"
    | "session"
    | "submission"
    | "publication_batch"
    | "api_token";
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
    if (typeof value === "string" && IPV4.test(value))
      throw new AuditDetailError("Audit detail may not hold an IP address");
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

/**
 * A row's link in the chain: an HMAC under a key kept outside the database. A plain
 * hash let anyone who could write the table edit a row and re-hash every row after it.
 */
export function auditHash(row: Omit<AuditEntry, "hash">, key: Buffer): string {
  return createHmac("sha256", key).update(canonicalAuditText(row)).digest("hex");
}

/** The unkeyed hash of chains written before the key (only to verify and re-key them once). */
function unkeyedAuditHash(row: Omit<AuditEntry, "hash">): string {
  return createHash("sha256").update(canonicalAuditText(row)).digest("hex");
}

/** The advisory lock of audit appends on PostgreSQL (any constant no other lock of the app uses). */
const AUDIT_APPEND_LOCK = 0x436c4175; // "ClAu"

async function insertNextEntry(db: Executor, entry: NewAuditEntry, key: Buffer): Promise<AuditEntry> {
  const last = await db
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
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
  const full = { ...row, hash: auditHash(row, key) };
  await db.insertInto("audit_log").values(full).execute();
  return full;
}

/**
 * Appends one entry to the hash-chained audit log (docs/design.md §8) and moves the head file to it. Call it
 * after the action it records has been committed, with the root database (not inside a transaction
 * another append could race).
 */
export function appendAuditEntry(db: Executor, entry: NewAuditEntry): Promise<AuditEntry> {
  assertNothingAboutSubmitters(entry);
  const anchor = auditAnchor();
  // Serialised in this process (DuckDB allows one process per file): each append needs the row before it.
  // On PostgreSQL other processes append too (scale-out, docs/scale-out.md): there the read of the last row
  // and the insert run in one transaction holding a lock every process takes, so no two take one seq.
  const run = auditProcessState.queue.then(async () => {
    const full = isPostgres(db)
      ? await inTransaction(db, async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
          return insertNextEntry(trx, entry, anchor.key);
        })
      : await insertNextEntry(db, entry, anchor.key);
    // After the commit: a crash in between leaves the head one entry behind, which verification
    // accepts (a keyed entry after the head cannot be forged); a head ahead of the table could not be.
    if (anchor.headFile) writeAuditHead(anchor.headFile, { seq: full.seq, hash: full.hash });
    return full;
  });
  auditProcessState.queue = run.catch(() => undefined);
  return run;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first broken row and why, when not ok. */
  brokenAt?: number;
  problem?: string;
  /** How the newest entry compares with the head file: "none" for an in-memory database. */
  anchor: "matches" | "behind" | "none";
}

async function walkChain(
  db: Executor,
  hashOf: (row: Omit<AuditEntry, "hash">) => string,
  batchSize: number,
): Promise<
  | { ok: true; entries: number; headHash: string; headSeq: number }
  | { ok: false; entries: number; headHash: string; brokenAt: number; problem: string }
> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const fail = (problem: string) => ({
        ok: false as const,
        entries,
        headHash: prevHash,
        brokenAt: row.seq,
        problem,
      });
      if (row.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return fail("previous-hash link does not match the entry before it");
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash)
        return fail("content does not match its keyed hash (the entry was edited or re-hashed)");
      prevHash = hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return { ok: true, entries, headHash: prevHash, headSeq: expectedSeq - 1 };
}

/**
 * Walks the chain from the first row: each row's keyed hash must match its content and its prev_hash
 * the row before it, and seq must have no gaps; then the newest entry must be the one the head file
 * names, or come after it. An edited, re-hashed, inserted or deleted row — the newest included — breaks it.
 */
export async function verifyAuditChain(
  db: Executor,
  anchor: AuditAnchor = auditAnchor(),
  batchSize = 5000,
): Promise<AuditVerification> {
  const walked = await walkChain(db, (row) => auditHash(row, anchor.key), batchSize);
  if (!walked.ok) return { ...walked, anchor: "none" };
  if (!anchor.headFile) return { ok: true, entries: walked.entries, headHash: walked.headHash, anchor: "none" };
  const head = readAuditHead(anchor.headFile);
  const broken = (problem: string): AuditVerification => ({
    ok: false,
    entries: walked.entries,
    headHash: walked.headHash,
    brokenAt: head?.seq ?? 1,
    problem,
    anchor: "none",
  });
  if (!head)
    return walked.entries === 0
      ? { ok: true, entries: 0, headHash: walked.headHash, anchor: "matches" }
      : broken(`the head file ${anchor.headFile} is missing`);
  if (head.seq > walked.headSeq)
    return broken(
      `the head file names entry ${head.seq}, but the log ends at ${walked.headSeq}: the newest entries were removed`,
    );
  const row = await db.selectFrom("audit_log").select("hash").where("seq", "=", head.seq).executeTakeFirst();
  if (row?.hash !== head.hash)
    return broken(`entry ${head.seq} is not the one the head file names: the chain was rewritten`);
  return {
    ok: true,
    entries: walked.entries,
    headHash: walked.headHash,
    anchor: head.seq === walked.headSeq ? "matches" : "behind",
  };
}

/**
 * A chain written before the key (plain SHA-256) is re-keyed once, at server start, and only if it is
 * intact and no head file exists yet — a head file means the chain has been keyed already. Returns
 * how many entries were re-keyed (0 when there was nothing to do).
 */
export async function keyUnkeyedAuditChain(db: Executor, anchor: AuditAnchor = auditAnchor()): Promise<number> {
  if (!anchor.headFile || readAuditHead(anchor.headFile)) return 0;
  const legacy = await walkChain(db, unkeyedAuditHash, 5000);
  if (!legacy.ok || legacy.entries === 0) return 0;
  const rows = await db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
  let prevHash = GENESIS_HASH;
  const rekeyed = rows.map((row) => {
    const { hash: _old, ...rest } = row;
    const next = { ...rest, prev_hash: prevHash };
    prevHash = auditHash(next, anchor.key);
    return { seq: row.seq, prev_hash: next.prev_hash, hash: prevHash };
  });
  await inTransaction(db, async (trx) => {
    for (const r of rekeyed)
      await trx
        .updateTable("audit_log")
        .set({ prev_hash: r.prev_hash, hash: r.hash })
        .where("seq", "=", r.seq)
        .execute();
  });
  writeAuditHead(anchor.headFile, { seq: rekeyed.at(-1)!.seq, hash: prevHash });
  return rekeyed.length;
}
