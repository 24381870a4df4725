import type { Executor } from "../database";

/** A claim lasts this long after the holder's last action; then any reviewer may take the report. */
export const CLAIM_MINUTES = 60;

export function claimExpiry(now: Date): Date {
  return new Date(now.getTime() + CLAIM_MINUTES * 60_000);
}

export function isClaimActive(row: { claimed_by: string | null; claim_expires_at: Date | null }, now: Date): boolean {
  return !!row.claimed_by && !!row.claim_expires_at && row.claim_expires_at > now;
}

/**
 * Takes (or renews) the claim in one conditional UPDATE, so two reviewers pressing at once cannot
 * both hold it. True when this reviewer holds it afterwards.
 */
export async function takeClaim(db: Executor, submissionId: string, reviewerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable("submissions")
    .set({ claimed_by: reviewerId, claim_expires_at: claimExpiry(now) })
    .where("id", "=", submissionId)
    .where((eb) => eb.or([eb("claimed_by", "is", null), eb("claimed_by", "=", reviewerId), eb("claim_expires_at", "<=", now)]))
    .returning("id")
    .execute();
  return rows.length === 1;
}

export async function releaseClaim(db: Executor, submissionId: string, reviewerId: string): Promise<void> {
  await db.updateTable("submissions").set({ claimed_by: null, claim_expires_at: null }).where("id", "=", submissionId).where("claimed_by", "=", reviewerId).execute();
}
