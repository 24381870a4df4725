import { randomUUID } from "node:crypto";
import type { Executor } from "../database";
import type { Submission, SubmissionMessage } from "../schema/submission.table";
import { decryptJson, encryptJson } from "./envelope";
import type { ServerKey } from "./server-key";
import { dataKeyOf } from "./submission-repository";
import { dateOnly } from "./submission-payload";

// The anonymous thread between reviewers and the officer. Each message is encrypted with the
// submission's own data key, so destroying that key (crypto-shred) destroys the thread too.

export interface ThreadMessage {
  id: string;
  author: SubmissionMessage["author"];
  text: string;
  createdOn: string;
  position: number;
}

export class ThreadUnavailableError extends Error {
  constructor() {
    super("The submission's raw data was destroyed or is under another key: the thread cannot be written.");
    this.name = "ThreadUnavailableError";
  }
}

const messageAad = (submissionId: string, messageId: string) => `message:${submissionId}:${messageId}`;

async function loadSubmission(db: Executor, submissionId: string): Promise<Submission> {
  return db.selectFrom("submissions").selectAll().where("id", "=", submissionId).executeTakeFirstOrThrow();
}

async function appendMessage(
  db: Executor,
  key: ServerKey,
  submission: Submission,
  message: { author: SubmissionMessage["author"]; reviewerId: string | null; text: string; createdOn?: string },
): Promise<string> {
  const dataKey = dataKeyOf(key, submission);
  if (!dataKey) throw new ThreadUnavailableError();
  const id = randomUUID();
  const sealed = encryptJson(dataKey, { text: message.text }, messageAad(submission.id, id));
  const last = await db
    .selectFrom("submission_messages")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("submission_id", "=", submission.id)
    .executeTakeFirst();
  await db
    .insertInto("submission_messages")
    .values({
      id,
      submission_id: submission.id,
      author: message.author,
      reviewer_id: message.reviewerId,
      ciphertext: sealed.ciphertext,
      nonce: sealed.nonce,
      created_on: message.createdOn ?? dateOnly(),
      position: (last?.position ?? 0) + 1,
    })
    .execute();
  return id;
}

/**
 * Reviewer side (the Review work calls this): asks the officer a question through the receipt page
 * and marks the submission as waiting for the officer.
 */
export async function createReviewerQuestion(
  db: Executor,
  key: ServerKey,
  input: { submissionId: string; reviewerId: string; text: string; createdOn?: string },
): Promise<string> {
  const submission = await loadSubmission(db, input.submissionId);
  const id = await appendMessage(db, key, submission, {
    author: "reviewer",
    reviewerId: input.reviewerId,
    text: input.text,
    createdOn: input.createdOn,
  });
  await db.updateTable("submissions").set({ status: "waiting_for_officer" }).where("id", "=", submission.id).execute();
  return id;
}

/** Officer side: answers an open question; the submission goes back to review. */
export async function addOfficerAnswer(
  db: Executor,
  key: ServerKey,
  input: { submissionId: string; text: string; createdOn?: string },
): Promise<string> {
  const submission = await loadSubmission(db, input.submissionId);
  const id = await appendMessage(db, key, submission, {
    author: "officer",
    reviewerId: null,
    text: input.text,
    createdOn: input.createdOn,
  });
  await db.updateTable("submissions").set({ status: "in_review" }).where("id", "=", submission.id).execute();
  return id;
}

/** The decrypted thread in order; empty once the data key was destroyed. */
export async function listThread(db: Executor, key: ServerKey, submissionId: string): Promise<ThreadMessage[]> {
  const submission = await loadSubmission(db, submissionId);
  const dataKey = dataKeyOf(key, submission);
  if (!dataKey) return [];
  const rows = await db
    .selectFrom("submission_messages")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("position")
    .execute();
  return rows
    .filter((row) => row.ciphertext && row.nonce)
    .map((row) => ({
      id: row.id,
      author: row.author,
      text: decryptJson<{ text: string }>(
        dataKey,
        { nonce: row.nonce!, ciphertext: row.ciphertext! },
        messageAad(submissionId, row.id),
      ).text,
      createdOn: row.created_on,
      position: row.position,
    }));
}
