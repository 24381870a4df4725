import { sql } from "kysely";
import type { Executor } from "../database";
import { isPostgres } from "../dialect/postgres-values";

/** The advisory lock writers of the feed take on PostgreSQL (a constant no other lock of the app uses). */
const FEED_LOCK = 0x436c5066; // "ClPf"

/** The PostgreSQL channel every app process listens on for new changes (orchestration/published-watch.ts). */
export const PUBLISHED_CHANNEL = "closecall_published";

/**
 * Records that these reports' published rows changed, in the caller's transaction (the one that changed
 * them). On PostgreSQL, where several processes publish, the writers take a lock held to their commit,
 * so that sequence numbers are committed in order: a reader that has seen seq n never meets a smaller one
 * later. Ids in sorted order: the feed keeps no order of submission (db/schema/published-change.table.ts).
 */
export async function recordPublishedChanges(trx: Executor, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  if (isPostgres(trx)) {
    await sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`.execute(trx);
    // Delivered when (and only if) the transaction commits: listeners never see a change before it is there.
    await sql`SELECT pg_notify(${PUBLISHED_CHANNEL}, '')`.execute(trx);
  }
  const sorted = [...reportIds].sort();
  for (let i = 0; i < sorted.length; i += 1000)
    await trx
      .insertInto("published_changes")
      .values(sorted.slice(i, i + 1000).map((report_id) => ({ report_id })))
      .execute();
}

/** The newest change's number (0 before any). */
export async function latestPublishedChange(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("published_changes")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The reports changed after change `since`, and the newest change's number. */
export async function publishedChangesSince(db: Executor, since: number): Promise<{ reportIds: string[]; to: number }> {
  const rows = await db
    .selectFrom("published_changes")
    .select(["seq", "report_id"])
    .where("seq", ">", since)
    .orderBy("seq")
    .execute();
  return { reportIds: [...new Set(rows.map((r) => r.report_id))], to: rows.at(-1)?.seq ?? since };
}
