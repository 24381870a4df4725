import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAgencyBook } from "../analytics/release-book/read-book";
import { countRows, DERIVED_TABLES, type TableName } from "../db/move/copy-database";
import type { OpenDatabase } from "../db/open";
import { createTestUser, signInTestUser } from "../tests/support/test-accounts";
import { tableRows } from "../tests/support/table-rows";
import { createSeededTestDatabase } from "../tests/support/test-database";
import { leaveProgramme } from "../db/accounts/agency-scope";
import { approveTestReport, testServerKey } from "../tests/review/review-fixtures";
import { type AnalyticsCopy, catchUpAnalyticsCopy, openAnalyticsCopy, PUBLISHED_TABLES } from "./analytics-copy";
import { refreshDerivedData } from "./derived-data";
import { publishBatch } from "./publication";

let source: OpenDatabase;
let copy: AnalyticsCopy;

beforeAll(async () => {
  source = await createSeededTestDatabase({ reports: 1500, seed: 404, agencies: 15 });
  await signInTestUser(source.db, await createTestUser(source.db, "reviewer"));
  copy = await openAnalyticsCopy(source.db);
});
afterAll(async () => {
  await copy?.database.close();
  await source?.close();
});

const contents = (db: OpenDatabase, table: TableName) => tableRows(db.db, table);

describe("a process's analytics copy", () => {
  it("holds the published tables as the source has them, nothing of intake, review, accounts or audit", async () => {
    for (const table of PUBLISHED_TABLES.filter((t) => t !== "app_meta"))
      expect(await contents(copy.database, table), table).toEqual(await contents(source, table));
    for (const table of ["users", "sessions", "submissions", "review_actions", "audit_log", "api_tokens"] as const) {
      expect(await countRows(copy.database.db, table), table).toBe(0);
    }
    expect(await countRows(source.db, "users")).toBeGreaterThan(0);
  });

  it("builds the same rollups and search index from them as the source built", async () => {
    for (const table of DERIVED_TABLES) {
      expect(await countRows(copy.database.db, table), table).toBeGreaterThan(0);
      expect(await contents(copy.database, table), table).toEqual(await contents(source, table));
    }
  });

  it("reads every agency's release book as the source does", async () => {
    const agencies = await source.db.selectFrom("agencies").select("id").execute();
    expect(agencies.length).toBeGreaterThan(0);
    for (const { id } of agencies) {
      const [a, b] = await Promise.all([readAgencyBook(source.db, id), readAgencyBook(copy.database.db, id)]);
      expect({ years: b.years, quarters: b.quarters, asOf: b.asOf }).toEqual({
        years: a.years,
        quarters: a.quarters,
        asOf: a.asOf,
      });
      for (const period of a.years) expect(b.cell(period, "agency", "n")).toEqual(a.cell(period, "agency", "n"));
    }
  });

  it("catches up with a publication and with an agency leaving, as the source's own tables changed", async () => {
    const { key } = testServerKey();
    await approveTestReport(source.db, key);
    const batch = await publishBatch(source.db, key, {
      retentionDays: 30,
      runBy: null,
      privacy: { k: 10, agencyMinReports: 30 },
    });
    expect(batch.reportIds).toHaveLength(1);
    const published = await catchUpAnalyticsCopy(source.db, copy);
    expect(published).toEqual({ reports: 1, book: false });
    const numbers = await copy.database.db.selectFrom("reports").select("public_number").execute();
    expect(numbers.map((r) => r.public_number)).toContain(batch.publicNumbers[0]);

    // An agency with reports and a book leaves: its reports lose their link, its book goes. The smallest
    // such agency: each unlinked report is refreshed in the derived tables one by one.
    const { rows } = await sql<{ id: string }>`SELECT agency_id::VARCHAR AS id FROM report_protected
      WHERE agency_id IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`.execute(source.db);
    const agencyId = rows[0]!.id;
    const commander = await createTestUser(source.db, "agency_commander", { agencyId });
    const leaving = await leaveProgramme(source.db, { id: commander.id, role: "agency_commander", agencyId });
    await refreshDerivedData(source.db, leaving.unlinkedReportIds); // as the route does (agency_.members._index)
    const left = await catchUpAnalyticsCopy(source.db, copy);
    expect(left.reports).toBeGreaterThan(0);
    expect(left.book).toBe(true);
    expect(await catchUpAnalyticsCopy(source.db, copy)).toEqual({ reports: 0, book: false });

    for (const table of PUBLISHED_TABLES.filter((t) => t !== "app_meta"))
      expect(await contents(copy.database, table), table).toEqual(await contents(source, table));
    for (const table of [...DERIVED_TABLES].filter((t) => t.startsWith("analytics_")))
      expect(await contents(copy.database, table), table).toEqual(await contents(source, table));
    const indexed = (db: OpenDatabase) =>
      db.db
        .selectFrom("library_documents")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
    expect(Number((await indexed(copy.database))?.n)).toBe(Number((await indexed(source))?.n));
  });
});
