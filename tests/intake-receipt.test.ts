import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetAbuseGuard } from "../app/intake/abuse-guard.server";
import type { ReceiptActionData } from "../app/intake/receipt-lookup.server";
import { action, loader } from "../app/routes/receipt";
import { loadServerKey, type ServerKey } from "../db/intake/server-key";
import { createSubmission, findSubmissionByReceipt } from "../db/intake/submission-repository";
import type { SubmissionPayload } from "../db/intake/submission-payload";
import { createReviewerQuestion, listThread } from "../db/intake/thread-repository";
import type { OpenDatabase } from "../db/open";
import { call, postRequest, testIntakeKey } from "./support/intake";
import { createTestContext } from "./support/test-context";
import { createTestDatabase } from "./support/test-database";

let database: OpenDatabase;
let context: ReturnType<typeof createTestContext>;
let key: ServerKey;
beforeAll(async () => {
  database = await createTestDatabase();
  const intakeKey = testIntakeKey();
  context = createTestContext(database, { intakeKey });
  key = (loadServerKey({ envKey: intakeKey, dataDir: "/none" }) as { key: ServerKey }).key;
});
afterAll(() => database.close());
beforeEach(() => {
  resetAbuseGuard();
});

const payload = {
  version: 1,
  title: "Receipt test",
  narrative: "r".repeat(80),
  lessons: "s".repeat(80),
  factors: [],
  incidentType: "welfare_check",
  eventMonth: "2025-02",
  timeBlock: null,
  light: null,
  weather: null,
  officersOnScene: null,
  assignment: null,
  serviceBand: null,
  state: "WA",
  lossPotential: "serious_injury",
} satisfies SubmissionPayload;
const reviewer = "00000000-0000-4000-8000-0000000000cc";

const check = (code: string) =>
  call<ReceiptActionData>(action, postRequest("/receipt", { intent: "check", code }), context);
const answer = (code: string, text: string) =>
  call<ReceiptActionData>(action, postRequest("/receipt", { intent: "answer", code, answer: text }), context);
const statusOf = (data: ReceiptActionData) => (data.stage === "status" ? data.status : undefined);

describe("receipt follow-up", () => {
  it("shows the status, a reviewer's question, takes the officer's answer, and shows the outcome", async () => {
    const { id, receiptCode } = await createSubmission(database.db, key, {
      payload,
      consentLevel: "national",
      agencyId: null,
    });

    const received = await check(receiptCode.toLowerCase());
    expect(received.status).toBe(200);
    expect(statusOf(received.data)).toMatchObject({ status: "received", thread: [], canAnswer: false });
    expect(JSON.stringify(received.data)).not.toContain(id); // the submission id never reaches the officer's page

    // The Review work will call this from the reviewer's workspace; here it is inserted directly.
    await createReviewerQuestion(database.db, key, {
      submissionId: id,
      reviewerId: reviewer,
      text: "Which hand held the knife?",
    });
    const asked = await check(receiptCode);
    expect(statusOf(asked.data)).toMatchObject({
      status: "question",
      canAnswer: true,
      thread: [{ author: "reviewer", text: "Which hand held the knife?" }],
    });
    // The timeline's figures: the question's date, from which the report waits 14 days, and the retention window.
    expect(statusOf(asked.data)!.questionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asked.data).toMatchObject({ retentionDays: context.config.retentionDays });

    const empty = await answer(receiptCode, "   ");
    expect(empty.status).toBe(400);
    expect(empty.data.stage === "status" && empty.data.errors.answer?.[0]).toMatch(/Write your answer/);

    const answered = await answer(receiptCode, "The left hand, hidden behind his leg.");
    expect(answered.status).toBe(200);
    expect(answered.data).toMatchObject({ stage: "status", notice: expect.stringMatching(/sent/) });
    expect(statusOf(answered.data)).toMatchObject({ status: "in_review", canAnswer: false });
    expect((await listThread(database.db, key, id)).map((m) => m.author)).toEqual(["reviewer", "officer"]);

    const again = await answer(receiptCode, "One more thing");
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ stage: "status", answer: "One more thing" }); // kept, not lost

    await database.db
      .insertInto("reports")
      .values({
        id: "00000000-0000-4000-8000-0000000000d1",
        public_number: "CC-2026-0042",
        taxonomy_version: 1,
        title: "T",
        summary: "S",
        lessons: "L",
        incident_type: "welfare_check",
        loss_potential: "serious_injury",
        event_month: "2025-02-01",
        time_block: null,
        light: null,
        weather: null,
        officers_band: null,
        assignment: null,
        service_band: null,
        census_region: "west",
        published_month: "2026-01-01",
      })
      .execute();
    await database.db
      .updateTable("submissions")
      .set({ status: "published", report_id: "00000000-0000-4000-8000-0000000000d1" })
      .where("id", "=", id)
      .execute();
    expect(statusOf((await check(receiptCode)).data)).toMatchObject({
      status: "published",
      publishedNumber: "CC-2026-0042",
    });

    await database.db
      .updateTable("submissions")
      .set({
        status: "not_published",
        rejection_reason: "Not a near miss: nobody was at risk.",
        destroy_on: "2026-03-01",
      })
      .where("id", "=", id)
      .execute();
    expect(statusOf((await check(receiptCode)).data)).toMatchObject({
      status: "not_published",
      notPublishedReason: "Not a near miss: nobody was at risk.",
      publishedNumber: null,
      questionOn: null,
      destroyOn: "2026-03-01",
    });
  });

  it("says plainly when a code is malformed or unknown, keeping what was typed", async () => {
    const malformed = await check("ABCD-1234");
    expect(malformed).toMatchObject({
      status: 400,
      data: { stage: "enter", code: "ABCD-1234", errors: { code: [expect.stringMatching(/24 letters/)] } },
    });
    const unknown = await check("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
    expect(unknown).toMatchObject({
      status: 404,
      data: { stage: "enter", errors: { code: [expect.stringMatching(/No report matches/)] } },
    });
  });

  it("rate-limits look-ups per address (docs/design.md §6.5)", async () => {
    resetAbuseGuard({ receiptLookupsPerAddressPerHour: 3 });
    const { receiptCode } = await createSubmission(database.db, key, {
      payload: { ...payload, narrative: "q".repeat(90) },
      consentLevel: "national",
      agencyId: null,
    });
    for (let i = 0; i < 3; i++) expect((await check(receiptCode)).status).toBe(200);
    expect(await check(receiptCode)).toMatchObject({
      status: 429,
      data: { stage: "enter", formError: expect.stringMatching(/Too many/) },
    });
    expect(await findSubmissionByReceipt(database.db, key, receiptCode)).toBeDefined();
  });

  it("is closed (503) without a usable key", async () => {
    const closed = createTestContext(database, { intakeKey: "short" });
    expect((await call(loader, new Request("http://closecall.test/receipt"), closed)).status).toBe(503);
    expect((await call(action, postRequest("/receipt", { intent: "check", code: "x" }), closed)).status).toBe(503);
  });
});
