import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import { acceptOpenFindings, approveSubmission, claimSubmission, submitStage1 } from "../../db/review/review-actions";
import { runDailyJobs } from "../../server/jobs";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import { createTestUser } from "../support/test-accounts";
import { submitTestReport, testServerKey } from "./review-fixtures";

let database: OpenDatabase;
const { key, text } = testServerKey();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("daily jobs", () => {
  it("publish approved reports only when asked to (the 03:00 run), and destroy what is due", async () => {
    const config = createTestContext(database, { intakeKey: text, retentionDays: 0 }).config;
    const [a, b] = [await createTestUser(database.db, "reviewer"), await createTestUser(database.db, "reviewer")];
    const created = await submitTestReport(database.db, key);
    await claimSubmission(database.db, key, created.id, { reviewerId: a.id });
    await acceptOpenFindings(database.db, key, created.id, { reviewerId: a.id });
    await submitStage1(database.db, key, created.id, { reviewerId: a.id });
    await claimSubmission(database.db, key, created.id, { reviewerId: b.id });
    await approveSubmission(database.db, key, created.id, { reviewerId: b.id });

    const lines: string[] = [];
    await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: false });
    expect(lines).toEqual([]);
    await runDailyJobs(database.db, config, (l) => lines.push(l), { publish: true });
    // Retention 0 days: published today, destroyed by the same run.
    expect(lines).toEqual(["Publication batch: 1 report(s) published.", "Destroyed the raw data of 1 submission(s) past the retention window."]);
    const row = await database.db.selectFrom("submissions").select(["status", "wrapped_key"]).where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "published", wrapped_key: null });
  });
});
