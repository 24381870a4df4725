import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { appendAuditEntry, type AuditAction, type AuditDetail } from "../audit/audit-log";
import type { Database } from "../database";
import { createReviewerQuestion } from "../intake/thread-repository";
import type { ServerKey } from "../intake/server-key";
import { decryptSubmission } from "../intake/submission-repository";
import { dateOnly } from "../intake/submission-payload";
import type { Submission } from "../schema/submission.table";
import { activeClaim, clearClaims, releaseClaim, takeClaim } from "./claims";
import { type Coding, CodingSchema } from "../../domain/review/coding";
import {
  acceptAllOpen,
  type Draft,
  decideFinding,
  editTexts,
  initialDraft,
  markSpan,
  recheck,
  type TextField,
  unresolvedFindings,
} from "./draft";
import { RawDataGoneError, readDraft, writeDraft } from "./draft-store";
import type { IdentifierType } from "../../domain/identifier-types";
import { rejectionReasons, type RejectionReasonCode } from "../../domain/review/rejection-reasons";
import { ReviewError } from "./review-error";
import { addDays } from "../../domain/review/review-state";

// Every change a reviewer makes to a submission under review. Each checks the workflow's rules
// (claims, stages, two different reviewers), commits, records the step in review_actions and then
// appends to the audit log — never with anything the officer wrote.

export interface Actor {
  reviewerId: string;
  now?: Date;
}

type Db = Kysely<Database>;

async function load(db: Db, submissionId: string): Promise<Submission> {
  const row = await db.selectFrom("submissions").selectAll().where("id", "=", submissionId).executeTakeFirst();
  if (!row) throw new ReviewError("not_found", "There is no such submission.");
  return row;
}

async function record(
  db: Db,
  row: Pick<Submission, "id">,
  actor: Actor,
  step: { stage: number; action: string; audit: AuditAction; detail?: AuditDetail },
): Promise<void> {
  const now = actor.now ?? new Date();
  await db
    .insertInto("review_actions")
    .values({
      id: randomUUID(),
      submission_id: row.id,
      reviewer_id: actor.reviewerId,
      stage: step.stage,
      action: step.action,
      note: null,
      created_at: now,
    })
    .execute();
  await appendAuditEntry(db, {
    actorUserId: actor.reviewerId,
    action: step.audit,
    targetType: "submission",
    targetId: row.id,
    detail: step.detail,
    occurredAt: now,
  });
}

async function requireHeld(db: Db, row: Submission, actor: Actor): Promise<void> {
  const claim = await activeClaim(db, row.id, actor.now ?? new Date());
  if (claim?.reviewerId !== actor.reviewerId) {
    throw new ReviewError(
      "conflict",
      "Claim this report first: only the reviewer who holds it can change it (claims expire after an hour without " +
        "changes).",
    );
  }
}

function requireUndecided(row: Submission): void {
  if (row.status === "published" || row.status === "not_published")
    throw new ReviewError("conflict", "This report has already been decided.");
  if (!row.wrapped_key) throw new RawDataGoneError();
}

/** Stage 1 work (de-identify, code, ask) is possible in review or while the officer is asked a question. */
async function requireStage1(db: Db, row: Submission, actor: Actor): Promise<void> {
  requireUndecided(row);
  if (row.duplicate_of) throw new ReviewError("conflict", "This submission was merged into another as a duplicate.");
  if (row.status === "awaiting_approval")
    throw new ReviewError("conflict", "Stage 1 is complete: the report now waits for a second reviewer's approval.");
  await requireHeld(db, row, actor);
}

async function requireStage2(db: Db, row: Submission, actor: Actor): Promise<void> {
  requireUndecided(row);
  if (row.status !== "awaiting_approval" || row.approved_by)
    throw new ReviewError("conflict", "This report is not waiting for approval.");
  if (row.stage1_by === actor.reviewerId)
    throw new ReviewError("conflict", "You completed stage 1 of this report: a different reviewer must approve it.");
  await requireHeld(db, row, actor);
}

async function draftOf(db: Db, key: ServerKey, row: Submission): Promise<Draft> {
  const stored = readDraft(key, row);
  if (stored) return stored;
  const payload = await decryptSubmission(db, key, row.id);
  if (!payload) throw new RawDataGoneError();
  return initialDraft(payload);
}

/**
 * Claims a report for stage 1 or stage 2 (or renews one's own claim). A new report goes into review and
 * gets its first draft with the detector's findings.
 */
export async function claimSubmission(db: Db, key: ServerKey, submissionId: string, actor: Actor): Promise<void> {
  const now = actor.now ?? new Date();
  const row = await load(db, submissionId);
  requireUndecided(row);
  if (row.duplicate_of) throw new ReviewError("conflict", "This submission was merged into another as a duplicate.");
  if (row.status === "awaiting_approval" && row.approved_by)
    throw new ReviewError("conflict", "This report is approved and waits for the next publication batch.");
  if (row.status === "awaiting_approval" && row.stage1_by === actor.reviewerId) {
    throw new ReviewError("conflict", "You completed stage 1 of this report: a different reviewer must approve it.");
  }
  if (!(await takeClaim(db, row.id, actor.reviewerId, now)))
    throw new ReviewError(
      "conflict",
      "Another reviewer holds this report. Their claim expires after an hour without changes.",
    );
  if (!row.draft_ciphertext) await writeDraft(db, key, row, await draftOf(db, key, row));
  if (row.status === "received")
    await db.updateTable("submissions").set({ status: "in_review" }).where("id", "=", row.id).execute();
  await record(db, row, actor, {
    stage: row.status === "awaiting_approval" ? 2 : 1,
    action: "claimed",
    audit: "review.claimed",
  });
}

export async function releaseSubmission(db: Db, submissionId: string, actor: Actor): Promise<void> {
  const row = await load(db, submissionId);
  await requireHeld(db, row, actor);
  await releaseClaim(db, row.id, actor.reviewerId);
  await record(db, row, actor, {
    stage: row.status === "awaiting_approval" ? 2 : 1,
    action: "released",
    audit: "review.claim_released",
  });
}

async function changeDraft(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  change: string,
  apply: (draft: Draft) => Draft,
  detail: AuditDetail = {},
): Promise<Draft> {
  const row = await load(db, submissionId);
  await requireStage1(db, row, actor);
  const draft = apply(await draftOf(db, key, row));
  await writeDraft(db, key, row, draft);
  await takeClaim(db, row.id, actor.reviewerId, actor.now ?? new Date()); // an action renews the claim
  await record(db, row, actor, {
    stage: 1,
    action: change,
    audit: "review.draft_saved",
    detail: { change, ...detail },
  });
  return draft;
}

export function saveTexts(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  texts: Pick<Draft, TextField>,
): Promise<Draft> {
  return changeDraft(db, key, submissionId, actor, "texts_edited", (d) => editTexts(d, texts));
}

export function decideDraftFinding(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  input: { findingId: string; decision: "accepted" | "rejected" | "open"; replacement?: string },
): Promise<Draft> {
  return changeDraft(db, key, submissionId, actor, `finding_${input.decision}`, (d) => {
    const finding = d.findings.find((f) => f.id === input.findingId);
    if (!finding) throw new ReviewError("invalid", "That finding is no longer in the draft. Reload the page.");
    return decideFinding(d, input.findingId, input.decision, input.replacement);
  });
}

export function acceptOpenFindings(db: Db, key: ServerKey, submissionId: string, actor: Actor): Promise<Draft> {
  return changeDraft(db, key, submissionId, actor, "findings_all_accepted", acceptAllOpen);
}

export function markDraftSpan(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  input: { text: string; type: IdentifierType; replacement?: string },
): Promise<Draft> {
  return changeDraft(db, key, submissionId, actor, "span_marked", (d) => markSpan(d, input), { type: input.type });
}

export function saveCoding(db: Db, key: ServerKey, submissionId: string, actor: Actor, coding: Coding): Promise<Draft> {
  return changeDraft(db, key, submissionId, actor, "coded", (d) => ({ ...d, coding }));
}

/** Why the draft cannot move on yet (an empty list when it can). */
export function blockers(draft: Draft): string[] {
  const problems: string[] = [];
  const open = unresolvedFindings(draft).length;
  if (open > 0) problems.push(`${open} finding${open === 1 ? "" : "s"} still to decide (accept or reject).`);
  if (!CodingSchema.safeParse(draft.coding).success)
    problems.push("The coding is incomplete: incident type, 1–5 factors, loss potential and event month.");
  for (const field of ["title", "summary", "lessons"] as const)
    if (!draft[field].trim())
      problems.push(
        `The ${field === "summary" ? "event summary" : field === "lessons" ? "lessons learned" : "title"} is empty.`,
      );
  return problems;
}

/** Stage 1 done: the draft is checked again, then waits for a different reviewer. */
export async function submitStage1(db: Db, key: ServerKey, submissionId: string, actor: Actor): Promise<void> {
  const row = await load(db, submissionId);
  await requireStage1(db, row, actor);
  if (row.status === "waiting_for_officer")
    throw new ReviewError(
      "conflict",
      "The report waits for the officer's answer (or the time-out) before stage 1 can be completed.",
    );
  const draft = recheck(await draftOf(db, key, row));
  await writeDraft(db, key, row, draft);
  const problems = blockers(draft);
  if (problems.length) throw new ReviewError("invalid", problems.join(" "));
  await db
    .updateTable("submissions")
    .set({ status: "awaiting_approval", stage1_by: actor.reviewerId, approved_by: null, approved_on: null })
    .where("id", "=", row.id)
    .execute();
  await clearClaims(db, [row.id]);
  await record(db, row, actor, { stage: 1, action: "stage1_submitted", audit: "review.stage1_submitted" });
}

/** Stage 2: a different reviewer approves; the report joins the next publication batch. */
export async function approveSubmission(db: Db, key: ServerKey, submissionId: string, actor: Actor): Promise<void> {
  const row = await load(db, submissionId);
  await requireStage2(db, row, actor);
  const draft = recheck(await draftOf(db, key, row));
  const problems = blockers(draft);
  if (problems.length) throw new ReviewError("invalid", `${problems.join(" ")} Send it back to stage 1.`);
  await db
    .updateTable("submissions")
    .set({ approved_by: actor.reviewerId, approved_on: dateOnly(actor.now) })
    .where("id", "=", row.id)
    .execute();
  await clearClaims(db, [row.id]);
  await record(db, row, actor, { stage: 2, action: "approved", audit: "review.approved" });
}

/** Stage 2: back to stage 1 with comments (kept in the encrypted draft: they may quote identifiers). */
export async function sendBack(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  comment: string,
): Promise<void> {
  const row = await load(db, submissionId);
  await requireStage2(db, row, actor);
  const draft = await draftOf(db, key, row);
  await writeDraft(db, key, row, {
    ...draft,
    comments: [...draft.comments, { stage: 2, reviewerId: actor.reviewerId, text: comment, on: dateOnly(actor.now) }],
  });
  await db.updateTable("submissions").set({ status: "in_review" }).where("id", "=", row.id).execute();
  await clearClaims(db, [row.id]);
  await record(db, row, actor, { stage: 2, action: "sent_back", audit: "review.sent_back" });
}

/** A question through the receipt thread; the report waits for the answer or the time-out. */
export async function askOfficer(
  db: Db,
  key: ServerKey,
  submissionId: string,
  actor: Actor,
  question: string,
): Promise<void> {
  const row = await load(db, submissionId);
  await requireStage1(db, row, actor);
  await createReviewerQuestion(db, key, {
    submissionId: row.id,
    reviewerId: actor.reviewerId,
    text: question,
    createdOn: dateOnly(actor.now),
  });
  await releaseClaim(db, row.id, actor.reviewerId);
  await record(db, row, actor, { stage: 1, action: "question_asked", audit: "review.question_asked" });
}

/**
 * Not published, with a reason category the officer sees on the receipt page. The raw text is destroyed
 * after the retention window; duplicates merged into it go back to the queue as reports of their own.
 */
export async function rejectSubmission(
  db: Db,
  submissionId: string,
  actor: Actor,
  input: { reason: RejectionReasonCode; retentionDays: number },
): Promise<void> {
  const row = await load(db, submissionId);
  requireUndecided(row);
  await requireHeld(db, row, actor);
  const reason = rejectionReasons.find((r) => r.code === input.reason);
  if (!reason) throw new ReviewError("invalid", "Choose a reason.");
  const today = dateOnly(actor.now);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("submissions")
      .set({
        status: "not_published",
        rejection_reason: reason.text,
        decided_on: today,
        destroy_on: addDays(today, input.retentionDays),
        approved_by: null,
      })
      .where("id", "=", row.id)
      .execute();
    await trx
      .updateTable("submissions")
      .set({ duplicate_of: null, status: "received" })
      .where("duplicate_of", "=", row.id)
      .where("status", "not in", ["published", "not_published"])
      .execute();
  });
  await clearClaims(db, [row.id]);
  await record(db, row, actor, {
    stage: row.status === "awaiting_approval" ? 2 : 1,
    action: "rejected",
    audit: "submission.rejected",
    detail: { reason: reason.code },
  });
}

/**
 * Marks this submission as a duplicate of another: one published report for both. When the other is
 * already published, this one is published with it at once (and its raw text goes in the retention window).
 */
export async function markDuplicate(
  db: Db,
  submissionId: string,
  actor: Actor,
  input: { primaryId: string; retentionDays: number },
): Promise<void> {
  const row = await load(db, submissionId);
  requireUndecided(row);
  await requireHeld(db, row, actor);
  if (input.primaryId === row.id) throw new ReviewError("invalid", "A submission cannot be a duplicate of itself.");
  const primary = await db.selectFrom("submissions").selectAll().where("id", "=", input.primaryId).executeTakeFirst();
  if (!primary) throw new ReviewError("invalid", "There is no submission with that id.");
  if (primary.duplicate_of)
    throw new ReviewError(
      "invalid",
      "That submission is itself merged into another: choose the one it was merged into.",
    );
  if (primary.status === "not_published")
    throw new ReviewError("invalid", "That submission was not published: it cannot absorb a duplicate.");
  const today = dateOnly(actor.now);
  const published = primary.status === "published" && primary.report_id;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("submissions").set({ duplicate_of: primary.id }).where("duplicate_of", "=", row.id).execute();
    await trx
      .updateTable("submissions")
      .set(
        published
          ? {
              duplicate_of: primary.id,
              status: "published",
              report_id: primary.report_id,
              decided_on: today,
              destroy_on: addDays(today, input.retentionDays),
            }
          : {
              duplicate_of: primary.id,
              status: row.status === "received" ? "in_review" : row.status,
              approved_by: null,
            },
      )
      .where("id", "=", row.id)
      .execute();
  });
  await clearClaims(db, [row.id]);
  await record(db, row, actor, {
    stage: 1,
    action: "duplicate_marked",
    audit: "review.duplicate_marked",
    detail: { primary: primary.id },
  });
}
