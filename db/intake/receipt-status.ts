import type { Executor } from "../database";
import type { ServerKey } from "./server-key";
import { findSubmissionByReceipt } from "./submission-repository";
import { addOfficerAnswer, listThread, type ThreadMessage } from "./thread-repository";

/** What an officer may see with a receipt: status, outcome and the thread — nothing about others. */
export interface ReceiptStatus {
  status: "received" | "in_review" | "question" | "published" | "not_published";
  receivedOn: string;
  /** Public number of the published report, for a link to /reports/<number>. */
  publishedNumber: string | null;
  notPublishedReason: string | null;
  thread: ThreadMessage[];
  /** The raw submission (and so the thread) was destroyed after the decision. */
  destroyed: boolean;
  canAnswer: boolean;
  /** Date of the reviewers' open question (status "question"): the report waits for the answer from then. */
  questionOn: string | null;
  /** Date the raw submission is (or was) destroyed: decision date plus the retention window. */
  destroyOn: string | null;
}

const officerStatus = {
  received: "received",
  in_review: "in_review",
  awaiting_approval: "in_review",
  waiting_for_officer: "question",
  published: "published",
  not_published: "not_published",
} as const;

export async function getReceiptStatus(db: Executor, key: ServerKey, code: string): Promise<ReceiptStatus | undefined> {
  const submission = await findSubmissionByReceipt(db, key, code);
  if (!submission) return undefined;
  const report = submission.report_id
    ? await db.selectFrom("reports").select("public_number").where("id", "=", submission.report_id).executeTakeFirst()
    : undefined;
  const destroyed = !submission.wrapped_key;
  const status = officerStatus[submission.status];
  const thread = destroyed ? [] : await listThread(db, key, submission.id);
  const lastQuestion = thread.filter((m) => m.author === "reviewer").at(-1);
  return {
    status,
    receivedOn: submission.received_on,
    publishedNumber: submission.status === "published" ? (report?.public_number ?? null) : null,
    notPublishedReason: submission.status === "not_published" ? submission.rejection_reason : null,
    thread,
    destroyed,
    canAnswer: status === "question" && !destroyed,
    questionOn: status === "question" ? (lastQuestion?.createdOn ?? null) : null,
    destroyOn: submission.destroy_on,
  };
}

/**
 * The officer answers the open question of the submission this receipt belongs to. "no-question"
 * when nothing is waiting for them (answered already, or decided), so a receipt cannot flood the thread.
 */
export async function answerByReceipt(
  db: Executor,
  key: ServerKey,
  code: string,
  text: string,
): Promise<"answered" | "unknown" | "no-question"> {
  const submission = await findSubmissionByReceipt(db, key, code);
  if (!submission) return "unknown";
  if (submission.status !== "waiting_for_officer" || !submission.wrapped_key) return "no-question";
  await addOfficerAnswer(db, key, { submissionId: submission.id, text });
  return "answered";
}
