import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReceiptStatus } from "../../db/intake/receipt-status";
import type { OpenDatabase } from "../../db/open";
import {
  approveSubmission,
  claimSubmission,
  decideDraftFinding,
  saveTexts,
  sendBack,
  submitStage1,
} from "../../db/review/review-actions";
import { readDraft } from "../../db/review/draft-store";
import { getWorkspace } from "../../db/review/workspace";
import { parseLibrarySearch } from "../../app/library/filter-schema";
import { exploreReports } from "../../db/library/explore-reports";
import { publishBatch } from "../../orchestration/publication";
import { createTestAgency, createTestUser } from "../support/test-accounts";
import { createTestDatabase } from "../support/test-database";
import { RAW_IDENTIFIERS, RAW_PAYLOAD, submitTestReport, testServerKey } from "./review-fixtures";

let database: OpenDatabase;
const { key } = testServerKey();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function acceptAll(submissionId: string, reviewerId: string) {
  const row = await database.db
    .selectFrom("submissions")
    .selectAll()
    .where("id", "=", submissionId)
    .executeTakeFirstOrThrow();
  const draft = readDraft(key, row)!;
  for (const f of draft.findings.filter((x) => x.status === "open")) {
    await decideDraftFinding(database.db, key, submissionId, { reviewerId }, { findingId: f.id, decision: "accepted" });
  }
}

/** Every text-like value in every table (published, library, analytics, audit…), to search for raw text. */
async function everyStoredText(exceptTables: string[]): Promise<string> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'main' AND (data_type = 'VARCHAR' OR data_type LIKE '%[]' OR data_type = 'JSON')`.execute(
    database.db,
  );
  const parts: string[] = [];
  for (const c of columns) {
    if (exceptTables.includes(c.table_name)) continue;
    const { rows } = await sql<{
      v: string | null;
    }>`SELECT CAST(${sql.ref(c.column_name)} AS VARCHAR) AS v FROM ${sql.table(c.table_name)}`.execute(database.db);
    for (const r of rows) if (r.v) parts.push(r.v);
  }
  return parts.join("\n");
}

describe("two-stage review to publication", () => {
  it("walks a submission through both stages; nothing raw reaches published, library or analytics tables", async () => {
    const agency = await createTestAgency(database.db, "Metro City Police Department");
    const first = await createTestUser(database.db, "reviewer");
    const second = await createTestUser(database.db, "reviewer");
    const created = await submitTestReport(database.db, key, { consentLevel: "agency_stats", agencyId: agency.id });

    // Stage 1: claim, accept the detector's findings, tidy the texts, submit.
    await claimSubmission(database.db, key, created.id, { reviewerId: first.id });
    await acceptAll(created.id, first.id);
    let ws = await getWorkspace(database.db, key, created.id, first.id);
    expect(ws.blockers).toEqual([]);
    for (const raw of RAW_IDENTIFIERS) {
      expect(ws.draft!.summary + ws.draft!.title + ws.draft!.lessons).not.toContain(raw);
    }
    await saveTexts(
      database.db,
      key,
      created.id,
      { reviewerId: first.id },
      { title: ws.draft!.title, summary: ws.draft!.summary, lessons: `${ws.draft!.lessons} Always.` },
    );
    await submitStage1(database.db, key, created.id, { reviewerId: first.id });

    // The same reviewer can neither claim nor approve their own stage 1.
    await expect(claimSubmission(database.db, key, created.id, { reviewerId: first.id })).rejects.toThrow(
      /different reviewer/,
    );
    await expect(approveSubmission(database.db, key, created.id, { reviewerId: first.id })).rejects.toThrow(
      /different reviewer/,
    );

    // Stage 2: a second reviewer sends it back once, then approves the resubmission.
    await claimSubmission(database.db, key, created.id, { reviewerId: second.id });
    await sendBack(database.db, key, created.id, { reviewerId: second.id }, "Say which search step was skipped.");
    ws = await getWorkspace(database.db, key, created.id, first.id);
    expect(ws.state).toBe("stage1");
    expect(ws.draft!.comments.map((c) => c.text)).toEqual(["Say which search step was skipped."]);
    await claimSubmission(database.db, key, created.id, { reviewerId: first.id });
    await submitStage1(database.db, key, created.id, { reviewerId: first.id });
    await claimSubmission(database.db, key, created.id, { reviewerId: second.id });
    await approveSubmission(database.db, key, created.id, { reviewerId: second.id });
    expect((await getWorkspace(database.db, key, created.id, second.id)).state).toBe("approved");

    // Publication batch.
    const batch = await publishBatch(database.db, key, {
      retentionDays: 30,
      runBy: second.id,
      today: "2026-11-29",
      privacy: { k: 10, agencyMinReports: 30 },
    });
    expect(batch.reportIds).toHaveLength(1);
    expect(batch.publicNumbers[0]).toMatch(/^2026-\d{5}$/);
    const report = await database.db
      .selectFrom("reports")
      .selectAll()
      .where("id", "=", batch.reportIds[0]!)
      .executeTakeFirstOrThrow();
    expect(report.published_month).toBe("2026-11-01");
    expect(report.event_month).toBe("2024-03-01");
    expect(report.census_region).toBe("midwest");
    expect(report.summary).toContain("[name]");
    const prot = await database.db
      .selectFrom("report_protected")
      .selectAll()
      .where("report_id", "=", report.id)
      .executeTakeFirstOrThrow();
    expect(prot).toMatchObject({
      state: "OH",
      agency_id: agency.id,
      agency_size_band: "100-499",
      consent_level: "agency_stats",
    });
    const factors = await database.db
      .selectFrom("report_factors")
      .select("factor_code")
      .where("report_id", "=", report.id)
      .execute();
    expect(factors.map((f) => f.factor_code).sort()).toEqual([...RAW_PAYLOAD.factors].sort());

    // No raw identifier in any stored text outside the encrypted submission tables (reports, library and
    // analytics tables built on other branches, audit log, batches): the check covers every table.
    const stored = await everyStoredText(["submissions", "submission_messages"]);
    for (const raw of RAW_IDENTIFIERS) expect(stored).not.toContain(raw);
    expect(stored).not.toContain(RAW_PAYLOAD.narrative.slice(40, 90));

    // Publication refreshed the library: a search for words of the published title finds the report.
    const parsed = parseLibrarySearch(new URLSearchParams({ q: report.title }));
    if (!parsed.ok) throw new Error("the title is a valid search");
    const found = await exploreReports(database.db, parsed.state.filters, parsed.state.sort, parsed.state.page, {
      agencyId: null,
    });
    expect(found.rows[0]?.publicNumber).toBe(report.public_number);

    // The officer's receipt shows the publication.
    const submission = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(submission).toMatchObject({
      status: "published",
      report_id: report.id,
      decided_on: "2026-11-29",
      destroy_on: "2026-12-29",
    });
    const receipt = await getReceiptStatus(database.db, key, created.receiptCode);
    expect(receipt).toMatchObject({ status: "published", publishedNumber: report.public_number });
  });
});
