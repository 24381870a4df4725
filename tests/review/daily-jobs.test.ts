import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OpenDatabase } from "../../db/open";
import { claimSubmission, rejectSubmission } from "../../db/review/review-actions";
import { runDailyJobs } from "../../orchestration/jobs";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import { createTestUser } from "../support/test-accounts";
import { approveTestReport, submitTestReport, testServerKey } from "./review-fixtures";

// A publication that throws (a full disk, say), switched on by one test.
const publication = vi.hoisted(() => ({ fail: false }));
vi.mock("../../orchestration/publication", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../orchestration/publication")>();
  return {
    ...real,
    publishBatch: (...args: Parameters<typeof real.publishBatch>) =>
      publication.fail ? Promise.reject(new Error("disk full")) : real.publishBatch(...args),
  };
});

let database: OpenDatabase;
const { key, text } = testServerKey();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("daily jobs", () => {
  it("publish approved reports only when asked to (the 03:00 run), and destroy what is due", async () => {
    const config = createTestContext(database, { intakeKey: text, retentionDays: 0 }).config;
    const created = await approveTestReport(database.db, key);

    const lines: string[] = [];
    await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: false });
    expect(lines).toEqual([]);
    await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: true });
    // Retention 0 days: published today, destroyed by the same run.
    expect(lines).toEqual([
      "Publication batch: 1 report(s) published.",
      "Destroyed the raw data of 1 submission(s) past the retention window.",
    ]);
    const row = await database.db
      .selectFrom("submissions")
      .select(["status", "wrapped_key"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "published", wrapped_key: null });
  });

  it("a failed publication does not stop the time-outs or the destruction of raw text (steps run alone)", async () => {
    const reviewer = await createTestUser(database.db, "reviewer");
    const rejected = await submitTestReport(database.db, key);
    await claimSubmission(database.db, key, rejected.id, { reviewerId: reviewer.id });
    await rejectSubmission(
      database.db,
      rejected.id,
      { reviewerId: reviewer.id },
      { reason: "not_near_miss", retentionDays: 0 },
    );
    const config = createTestContext(database, { intakeKey: text, retentionDays: 0 }).config;
    const lines: string[] = [];
    publication.fail = true;
    try {
      await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: true });
    } finally {
      publication.fail = false;
    }
    expect(lines).toEqual([
      "Publication failed (retried at the next run): disk full",
      "Destroyed the raw data of 1 submission(s) past the retention window.",
    ]);
    const row = await database.db
      .selectFrom("submissions")
      .select("wrapped_key")
      .where("id", "=", rejected.id)
      .executeTakeFirstOrThrow();
    expect(row.wrapped_key).toBeNull();
  });

  it("says so when publication is due but the intake key cannot be loaded", async () => {
    const config = {
      ...createTestContext(database, { retentionDays: 0 }).config,
      intakeKey: undefined,
      dataDir: "/nonexistent-closecall-dir",
    };
    const lines: string[] = [];
    await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: true });
    expect(lines[0]).toMatch(/^Publication skipped: /);
  });
});
