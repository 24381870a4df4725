import type { Executor } from "../database";

/** A claim lasts this long after the holder's last action; then any reviewer may take the report. */
export const CLAIM_MINUTES = 60;

export interface Claim {
  reviewerId: string;
  expiresAt: Date;
}

export function claimExpiry(now: Date): Date {
  return new Date(now.getTime() + CLAIM_MINUTES * 60_000);
}

/** The unexpired claim on a submission, if any. */
export async function activeClaim(db: Executor, submissionId: string, now: Date): Promise<Claim | null> {
  const row = await db
    .selectFrom("review_claims")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
  return row?.reviewer_id && row.expires_at && row.expires_at > now
    ? { reviewerId: row.reviewer_id, expiresAt: row.expires_at }
    : null;
}

/** Unexpired claims by submission, for the queue. */
export async function activeClaims(db: Executor, now: Date): Promise<Map<string, Claim>> {
  const rows = await db
    .selectFrom("review_claims")
    .selectAll()
    .where("reviewer_id", "is not", null)
    .where("expires_at", ">", now)
    .execute();
  return new Map(rows.map((r) => [r.submission_id, { reviewerId: r.reviewer_id!, expiresAt: r.expires_at! }]));
}

/**
 * Takes (or renews) the claim with one conditional UPDATE, so two reviewers pressing at once cannot
 * both hold it (the row exists first: an INSERT that ignores a conflict). True when this reviewer
 * holds it afterwards.
 */
export async function takeClaim(db: Executor, submissionId: string, reviewerId: string, now: Date): Promise<boolean> {
  await db
    .insertInto("review_claims")
    .values({ submission_id: submissionId, reviewer_id: null, expires_at: null })
    .onConflict((oc) => oc.column("submission_id").doNothing())
    .execute();
  const rows = await db
    .updateTable("review_claims")
    .set({ reviewer_id: reviewerId, expires_at: claimExpiry(now) })
    .where("submission_id", "=", submissionId)
    .where((eb) =>
      eb.or([eb("reviewer_id", "is", null), eb("reviewer_id", "=", reviewerId), eb("expires_at", "<=", now)]),
    )
    .returning("submission_id")
    .execute();
  return rows.length === 1;
}

export async function releaseClaim(db: Executor, submissionId: string, reviewerId: string): Promise<void> {
  await db
    .updateTable("review_claims")
    .set({ reviewer_id: null, expires_at: null })
    .where("submission_id", "=", submissionId)
    .where("reviewer_id", "=", reviewerId)
    .execute();
}

/** Ends any claim on these submissions (a stage ended, or the report was decided). */
export async function clearClaims(db: Executor, submissionIds: readonly string[]): Promise<void> {
  if (submissionIds.length === 0) return;
  await db
    .updateTable("review_claims")
    .set({ reviewer_id: null, expires_at: null })
    .where("submission_id", "in", submissionIds)
    .execute();
}
