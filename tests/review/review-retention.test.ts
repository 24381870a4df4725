import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../db/audit/audit-log";
import { decrypt } from "../../db/intake/envelope";
import { getReceiptStatus } from "../../db/intake/receipt-status";
import { decryptSubmission } from "../../db/intake/submission-repository";
import { addOfficerAnswer, listThread } from "../../db/intake/thread-repository";
import type { OpenDatabase } from "../../db/open";
import { readDraft } from "../../db/review/draft-store";
import { askOfficer, claimSubmission, markDuplicate, rejectSubmission } from "../../db/review/review-actions";
import { destroyDueSubmissions, returnUnansweredQuestions } from "../../db/review/retention";
import { rejectionReasons } from "../../domain/review/rejection-reasons";
import { createTestUser } from "../support/test-accounts";
import { createTestDatabase } from "../support/test-database";
import { RAW_PAYLOAD, submitTestReport, testServerKey } from "./review-fixtures";

let database: OpenDatabase;
const { key } = testServerKey();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("rejection, retention and destruction", () => {
  it("rejects with a reason the officer sees, then destroys the raw submission after the window", async () => {
    const reviewer = await createTestUser(database.db, "reviewer");
    const created = await submitTestReport(database.db, key);
    await claimSubmission(database.db, key, created.id, {
      reviewerId: reviewer.id,
      now: new Date("2026-11-01T10:00:00Z"),
    });
    await askOfficer(
      database.db,
      key,
      created.id,
      { reviewerId: reviewer.id, now: new Date("2026-11-01T10:05:00Z") },
      "Which month was it?",
    );
    await addOfficerAnswer(database.db, key, { submissionId: created.id, text: "March, at the Maple Ave address." });
    await claimSubmission(database.db, key, created.id, { reviewerId: reviewer.id });
    await rejectSubmission(
      database.db,
      created.id,
      { reviewerId: reviewer.id, now: new Date("2026-11-02T09:00:00Z") },
      { reason: "ongoing_matter", retentionDays: 30 },
    );

    const receipt = await getReceiptStatus(database.db, key, created.receiptCode);
    expect(receipt).toMatchObject({
      status: "not_published",
      notPublishedReason: rejectionReasons.find((r) => r.code === "ongoing_matter")!.text,
      destroyed: false,
    });
    expect(await decryptSubmission(database.db, key, created.id)).toMatchObject({ narrative: RAW_PAYLOAD.narrative });

    // A copy of the ciphertext (a backup taken before destruction) stays unreadable once the key is gone:
    // the server key does not open it, only the destroyed data key did.
    const backup = await database.db
      .selectFrom("submissions")
      .select(["ciphertext", "nonce"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();

    // Not yet due the day before the window ends; due on its last day.
    expect(await destroyDueSubmissions(database.db, { today: "2026-12-01" })).toEqual([]);
    expect(await destroyDueSubmissions(database.db, { today: "2026-12-02" })).toEqual([created.id]);

    const row = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      wrapped_key: null,
      ciphertext: null,
      draft_ciphertext: null,
      narrative_fingerprint: null,
      destroyed_on: "2026-12-02",
    });
    expect(await decryptSubmission(database.db, key, created.id)).toBeNull();
    expect(await listThread(database.db, key, created.id)).toEqual([]);
    expect(readDraft(key, row)).toBeNull();
    expect(() =>
      decrypt(key.wrapKey, { nonce: backup.nonce!, ciphertext: backup.ciphertext! }, `submission:${created.id}`),
    ).toThrow();
    const messages = await database.db
      .selectFrom("submission_messages")
      .select(["ciphertext"])
      .where("submission_id", "=", created.id)
      .execute();
    expect(messages.length).toBe(2);
    expect(messages.every((m) => m.ciphertext === null)).toBe(true);
    expect(await getReceiptStatus(database.db, key, created.receiptCode)).toMatchObject({
      status: "not_published",
      destroyed: true,
      thread: [],
    });

    // The audit log says it happened (target: the random id), with nothing of the content.
    const audit = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "submission.destroyed")
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual([created.id]);
    expect(JSON.stringify(audit)).not.toMatch(/Maple|Kowalski|March/);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("times out an unanswered question: the report goes back to review", async () => {
    const reviewer = await createTestUser(database.db, "reviewer");
    const created = await submitTestReport(database.db, key, {
      payload: { narrative: `${RAW_PAYLOAD.narrative} Second report.` },
    });
    await claimSubmission(database.db, key, created.id, { reviewerId: reviewer.id });
    await askOfficer(
      database.db,
      key,
      created.id,
      { reviewerId: reviewer.id, now: new Date("2026-11-01T10:00:00Z") },
      "Was anyone hurt?",
    );
    expect(await returnUnansweredQuestions(database.db, { today: "2026-11-14" })).toEqual([]);
    expect(await returnUnansweredQuestions(database.db, { today: "2026-11-15" })).toEqual([created.id]);
    const row = await database.db
      .selectFrom("submissions")
      .select("status")
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("in_review");
  });

  it("merges a duplicate into a published report: the duplicate's officer sees the same report", async () => {
    const reviewer = await createTestUser(database.db, "reviewer");
    const primary = await submitTestReport(database.db, key, {
      payload: { narrative: `${RAW_PAYLOAD.narrative} Primary.` },
    });
    const copy = await submitTestReport(database.db, key, {
      payload: { narrative: `${RAW_PAYLOAD.narrative} Primary.` },
    });
    expect(copy.possibleDuplicateOf).toBe(primary.id);
    const reportId = crypto.randomUUID();
    await database.db
      .insertInto("reports")
      .values({
        id: reportId,
        public_number: "2026-90001",
        taxonomy_version: 1,
        title: "t",
        summary: "s",
        lessons: "l",
        incident_type: "other",
        loss_potential: "minor_injury",
        event_month: "2026-01-01",
        time_block: null,
        light: null,
        weather: null,
        officers_band: null,
        assignment: null,
        service_band: null,
        census_region: "west",
        published_month: "2026-11-01",
      })
      .execute();
    await database.db
      .updateTable("submissions")
      .set({ status: "published", report_id: reportId })
      .where("id", "=", primary.id)
      .execute();
    await claimSubmission(database.db, key, copy.id, { reviewerId: reviewer.id });
    await markDuplicate(
      database.db,
      copy.id,
      { reviewerId: reviewer.id, now: new Date("2026-11-10T12:00:00Z") },
      { primaryId: primary.id, retentionDays: 30 },
    );
    expect(await getReceiptStatus(database.db, key, copy.receiptCode)).toMatchObject({
      status: "published",
      publishedNumber: "2026-90001",
    });
    const row = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("id", "=", copy.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ duplicate_of: primary.id, destroy_on: "2026-12-10" });
  });

  it("lets one reviewer hold a report at a time, until the claim expires", async () => {
    const a = await createTestUser(database.db, "reviewer");
    const b = await createTestUser(database.db, "reviewer");
    const created = await submitTestReport(database.db, key, {
      payload: { narrative: `${RAW_PAYLOAD.narrative} Claims.` },
    });
    await claimSubmission(database.db, key, created.id, { reviewerId: a.id, now: new Date("2026-11-01T10:00:00Z") });
    await expect(
      claimSubmission(database.db, key, created.id, { reviewerId: b.id, now: new Date("2026-11-01T10:30:00Z") }),
    ).rejects.toThrow(/Another reviewer holds/);
    await claimSubmission(database.db, key, created.id, { reviewerId: b.id, now: new Date("2026-11-01T11:01:00Z") });
    await expect(
      rejectSubmission(
        database.db,
        created.id,
        { reviewerId: a.id, now: new Date("2026-11-01T11:02:00Z") },
        { reason: "not_near_miss", retentionDays: 30 },
      ),
    ).rejects.toThrow(/Claim this report first/);
  });
});
