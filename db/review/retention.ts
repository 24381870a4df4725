import { type Kysely, sql } from "kysely";
import { appendAuditEntry } from "../audit/audit-log";
import type { Database } from "../database";
import { dateOnly } from "../intake/submission-payload";
import { addDays } from "../../domain/review/review-state";

/**
 * Crypto-shreds every raw submission whose retention window has passed (docs/design.md §6.4): the wrapped data
 * key goes, and with it the only way to read the submission, its thread and its working draft; the
 * ciphertexts and the narrative fingerprint are cleared as well. The audit log records that it
 * happened, never what was destroyed.
 */
export async function destroyDueSubmissions(
  db: Kysely<Database>,
  options: { today?: string; runBy?: string | null } = {},
): Promise<string[]> {
  const today = options.today ?? dateOnly();
  const due = await db
    .selectFrom("submissions")
    .select("id")
    .where("destroy_on", "<=", today)
    .where("destroyed_on", "is", null)
    .execute();
  const ids = due.map((d) => d.id);
  if (ids.length === 0) return [];
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("submissions")
      .set({
        wrapped_key: null,
        ciphertext: null,
        nonce: null,
        draft_ciphertext: null,
        draft_nonce: null,
        narrative_fingerprint: null,
        destroyed_on: today,
      })
      .where("id", "in", ids)
      .execute();
    await trx.deleteFrom("review_claims").where("submission_id", "in", ids).execute();
    await trx
      .updateTable("submission_messages")
      .set({ ciphertext: null, nonce: null })
      .where("submission_id", "in", ids)
      .execute();
  });
  for (const id of ids) {
    await appendAuditEntry(db, {
      actorUserId: options.runBy ?? null,
      action: "submission.destroyed",
      targetType: "submission",
      targetId: id,
      detail: { retention: "elapsed" },
    });
  }
  return ids;
}

import { QUESTION_TIMEOUT_DAYS } from "../../domain/review/review-timing";

export { QUESTION_TIMEOUT_DAYS };

/** The daily time-out of unanswered questions: the report continues with what the reviewers have. */
export async function returnUnansweredQuestions(
  db: Kysely<Database>,
  options: { today?: string; timeoutDays?: number } = {},
): Promise<string[]> {
  const today = options.today ?? dateOnly();
  const cutoff = addDays(today, -(options.timeoutDays ?? QUESTION_TIMEOUT_DAYS));
  const { rows } = await sql<{ id: string }>`
    SELECT s.id FROM submissions s
    WHERE s.status = 'waiting_for_officer'
      AND (SELECT max(m.created_on) FROM submission_messages m WHERE m.submission_id = s.id
        AND m.author = 'reviewer') <= ${cutoff}::DATE`.execute(db);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  await db
    .updateTable("submissions")
    .set({ status: "in_review" })
    .where("id", "in", ids)
    .where("status", "=", "waiting_for_officer")
    .execute();
  for (const id of ids)
    await appendAuditEntry(db, {
      actorUserId: null,
      action: "review.question_timed_out",
      targetType: "submission",
      targetId: id,
    });
  return ids;
}
