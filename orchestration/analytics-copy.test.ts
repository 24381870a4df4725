import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAgencyBook } from "../analytics/release-book/read-book";
import { countRows, DERIVED_TABLES, type TableName } from "../db/move/copy-database";
import type { OpenDatabase } from "../db/open";
import { createTestUser, signInTestUser } from "../tests/support/test-accounts";
import { createSeededTestDatabase } from "../tests/support/test-database";
import { type AnalyticsCopy, openAnalyticsCopy, PUBLISHED_TABLES } from "./analytics-copy";

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

async function contents(db: OpenDatabase, table: TableName): Promise<string[]> {
  const rows = await db.db.selectFrom(table).selectAll().execute();
  return rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).sort();
}

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
});
