import type { Submission } from "../../db/schema/submission.table";

/** Where a submission stands in review, as the queue shows it. */
export const queueStates = [
  "new",
  "stage1",
  "stage2",
  "approved",
  "waiting",
  "merged",
  "published",
  "not_published",
] as const;
export type QueueState = (typeof queueStates)[number];

export const queueStateLabels: Record<QueueState, string> = {
  new: "New",
  stage1: "In review (stage 1)",
  stage2: "Awaiting approval (stage 2)",
  approved: "Approved, next batch",
  waiting: "Waiting for the officer",
  merged: "Merged as duplicate",
  published: "Published",
  not_published: "Not published",
};

export function queueStateOf(row: Pick<Submission, "status" | "approved_by" | "duplicate_of">): QueueState {
  if (row.status === "published") return "published";
  if (row.status === "not_published") return "not_published";
  if (row.duplicate_of) return "merged";
  if (row.status === "received") return "new";
  if (row.status === "waiting_for_officer") return "waiting";
  if (row.status === "awaiting_approval") return row.approved_by ? "approved" : "stage2";
  return "stage1";
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
