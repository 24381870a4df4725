import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../tests/support/test-backends";
import { testIntakeKey } from "../../tests/support/intake";
import type { OpenStore } from "../open";
import { answerByReceipt, getReceiptStatus } from "./receipt-status";
import { loadServerKey, type ServerKey } from "./server-key";
import { createSubmission } from "./submission-repository";
import type { SubmissionPayload } from "./submission-payload";
import { createReviewerQuestion, listThread, ThreadUnavailableError } from "./thread-repository";

const payload = {
  version: 1,
  title: "A title",
  narrative: "n".repeat(60),
  lessons: "l".repeat(60),
  factors: [],
  incidentType: "other",
  eventMonth: "2025-01",
  timeBlock: null,
  light: null,
  weather: null,
  officersOnScene: null,
  assignment: null,
  serviceBand: null,
  state: "CA",
  lossPotential: "minor_injury",
} satisfies SubmissionPayload;
const reviewer = "00000000-0000-4000-8000-00000000beef";

describe.each(testBackends())("anonymous thread on $name", (backend) => {
  let database: OpenStore;
  let key: ServerKey;
  beforeAll(async () => {
    database = await backend.open();
    key = (loadServerKey({ envKey: testIntakeKey(), dataDir: "/none" }) as { key: ServerKey }).key;
  });
  afterAll(() => database?.close());

  it("stores questions and answers encrypted with the submission's data key, in order", async () => {
    const { id, receiptCode } = await createSubmission(database.db, key, {
      payload,
      consentLevel: "national",
      agencyId: null,
    });
    expect(await answerByReceipt(database.db, key, receiptCode, "unasked")).toBe("no-question");
    await createReviewerQuestion(database.db, key, {
      submissionId: id,
      reviewerId: reviewer,
      text: "Question canary 9d1: was it a fixed blade?",
    });
    expect((await getReceiptStatus(database.db, key, receiptCode))?.status).toBe("question");
    expect(await answerByReceipt(database.db, key, receiptCode, "Answer canary 9d1: yes, fixed blade.")).toBe(
      "answered",
    );
    const thread = await listThread(database.db, key, id);
    expect(thread.map((m) => [m.author, m.text, m.position])).toEqual([
      ["reviewer", "Question canary 9d1: was it a fixed blade?", 1],
      ["officer", "Answer canary 9d1: yes, fixed blade.", 2],
    ]);
    expect(thread.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.createdOn))).toBe(true);
    const rows = await database.db
      .selectFrom("submission_messages")
      .selectAll()
      .where("submission_id", "=", id)
      .execute();
    expect(
      JSON.stringify(rows) + rows.map((r) => Buffer.from(r.ciphertext!).toString("latin1")).join(""),
    ).not.toContain("canary");
    expect((await getReceiptStatus(database.db, key, receiptCode))?.status).toBe("in_review");
  });

  it("loses the thread with the data key (crypto-shred) and refuses new messages", async () => {
    const { id, receiptCode } = await createSubmission(database.db, key, {
      payload: { ...payload, narrative: "m".repeat(70) },
      consentLevel: "national",
      agencyId: null,
    });
    await createReviewerQuestion(database.db, key, { submissionId: id, reviewerId: reviewer, text: "Anything else?" });
    await database.db
      .updateTable("submissions")
      .set({ wrapped_key: null, status: "not_published", rejection_reason: "Not a near miss." })
      .where("id", "=", id)
      .execute();
    expect(await listThread(database.db, key, id)).toEqual([]);
    await expect(
      createReviewerQuestion(database.db, key, { submissionId: id, reviewerId: reviewer, text: "More?" }),
    ).rejects.toThrow(ThreadUnavailableError);
    expect(await getReceiptStatus(database.db, key, receiptCode)).toMatchObject({
      status: "not_published",
      notPublishedReason: "Not a near miss.",
      destroyed: true,
      canAnswer: false,
      thread: [],
    });
  });
});
