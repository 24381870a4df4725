import { type Kysely, sql } from "kysely";
import type { Database } from "../database";
import type { ServerKey } from "../intake/server-key";
import { dateOnly } from "../intake/submission-payload";
import { decryptSubmission } from "../intake/submission-repository";
import { activeClaims } from "./claims";
import { readDraft } from "./draft-store";
import { type QueueState, queueStates, queueStateOf } from "../../domain/review/review-state";

export interface QueueRow {
  id: string;
  receivedOn: string;
  state: QueueState;
  /** The draft's (de-identified) title, else the officer's; null once destroyed. */
  title: string | null;
  /** Whole days since the date of receipt (the only time a submission keeps). */
  ageDays: number;
  /** The reviewers' coding so far, else the officer's answer; null once destroyed. */
  incidentType: string | null;
  lossPotential: string | null;
  holder: string | null;
  stage1By: string | null;
  possibleDuplicate: boolean;
  destroyed: boolean;
}

export interface Queue {
  counts: Record<QueueState, number>;
  rows: QueueRow[];
}

// SQL twin of queueStateOf, for counting without loading every row.
const STATE_SQL = sql<QueueState>`CASE
  WHEN status = 'published' THEN 'published'
  WHEN status = 'not_published' THEN 'not_published'
  WHEN duplicate_of IS NOT NULL THEN 'merged'
  WHEN status = 'received' THEN 'new'
  WHEN status = 'waiting_for_officer' THEN 'waiting'
  WHEN status = 'awaiting_approval' AND approved_by IS NOT NULL THEN 'approved'
  WHEN status = 'awaiting_approval' THEN 'stage2'
  ELSE 'stage1' END`;

/** Counts per state and one state's submissions, oldest first, with who holds each. */
export async function getQueue(
  db: Kysely<Database>,
  key: ServerKey,
  options: { state: QueueState; limit?: number; now?: Date },
): Promise<Queue> {
  const now = options.now ?? new Date();
  const countRows = await db
    .selectFrom("submissions")
    .select([STATE_SQL.as("state"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(sql`1`)
    .execute();
  const counts = Object.fromEntries(queueStates.map((s) => [s, 0])) as Record<QueueState, number>;
  for (const r of countRows) counts[r.state] = r.n;
  const rows = await db
    .selectFrom("submissions")
    .selectAll()
    .where(STATE_SQL, "=", options.state)
    .orderBy("received_on", options.state === "published" || options.state === "not_published" ? "desc" : "asc")
    .orderBy("id")
    .limit(options.limit ?? 100)
    .execute();
  const names = new Map(
    (await db.selectFrom("users").select(["id", "display_name"]).execute()).map((u) => [u.id, u.display_name]),
  );
  const claims = await activeClaims(db, now);
  const out: QueueRow[] = [];
  const today = dateOnly(now);
  for (const row of rows) {
    const draft = readDraft(key, row);
    const raw = draft ? null : await decryptSubmission(db, key, row.id);
    out.push({
      id: row.id,
      receivedOn: row.received_on,
      state: queueStateOf(row),
      title: draft?.title ?? raw?.title ?? null,
      ageDays: daysBetween(row.received_on, today),
      incidentType: draft?.coding.incidentType ?? raw?.incidentType ?? null,
      lossPotential: draft?.coding.lossPotential ?? raw?.lossPotential ?? null,
      holder: claims.has(row.id) ? (names.get(claims.get(row.id)!.reviewerId) ?? "another reviewer") : null,
      stage1By: row.stage1_by ? (names.get(row.stage1_by) ?? null) : null,
      possibleDuplicate: !!row.possible_duplicate_of,
      destroyed: !row.wrapped_key,
    });
  }
  return { counts, rows: out };
}

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}
