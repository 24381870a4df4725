import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishBatch } from "../../orchestration/publication";
import { approveTestReport, testServerKey } from "../../tests/review/review-fixtures";
import { createTestUser, signInTestUser } from "../../tests/support/test-accounts";
import { tableRows } from "../../tests/support/table-rows";
import { createSeededTestDatabase, createTestDatabase } from "../../tests/support/test-database";
import { verifyAuditChain } from "../audit/audit-log";
import type { OpenDatabase } from "../open";
import {
  compareRowCounts,
  copyRecordTables,
  countRows,
  DERIVED_TABLES,
  RECORD_TABLES,
  TargetInUseError,
} from "./copy-database";

let source: OpenDatabase;
const { key } = testServerKey();

beforeAll(async () => {
  source = await createSeededTestDatabase({ reports: 400, seed: 77, agencies: 12 });
  // Records of every kind: a person with a session, a submission through review to publication (its
  // review actions, batch and audit entries).
  await signInTestUser(source.db, await createTestUser(source.db, "reviewer"));
  await approveTestReport(source.db, key);
  await publishBatch(source.db, key, { retentionDays: 30, runBy: null, privacy: { k: 10, agencyMinReports: 30 } });
});
afterAll(async () => {
  await source?.close();
});

const contents = (db: OpenDatabase, table: (typeof RECORD_TABLES)[number]) => tableRows(db.db, table);

describe("copying a deployment's records into another database", () => {
  it("copies every table of record, row for row, and the audit chain still verifies", async () => {
    const target = await createTestDatabase();
    try {
      const copies = await copyRecordTables(source.db, target.db, { batchRows: 97 });
      expect(copies.map((c) => c.table)).toEqual(RECORD_TABLES);
      const { differing } = await compareRowCounts(source.db, target.db);
      expect(differing).toEqual([]);
      for (const table of ["reports", "submissions", "review_actions", "audit_log", "users", "sessions"] as const)
        expect(await countRows(target.db, table)).toBeGreaterThan(0);
      for (const table of RECORD_TABLES)
        expect(await contents(target, table), table).toEqual(await contents(source, table));
      const chain = await verifyAuditChain(target.db);
      expect(chain.ok).toBe(true);
      expect(chain.entries).toBe(await countRows(source.db, "audit_log"));
      // Derived tables are rebuilt where the analytics run, not copied.
      for (const table of DERIVED_TABLES) expect(await countRows(target.db, table)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("refuses a target that holds records, and changes nothing there", async () => {
    const target = await createTestDatabase();
    try {
      await createTestUser(target.db, "administrator");
      const before = await countRows(target.db, "taxonomy_terms");
      await expect(copyRecordTables(source.db, target.db)).rejects.toThrow(TargetInUseError);
      expect(await countRows(target.db, "users")).toBe(1);
      expect(await countRows(target.db, "taxonomy_terms")).toBe(before);
    } finally {
      await target.close();
    }
  });

  it("is all or nothing: a failure part-way leaves the target as it was", async () => {
    const target = await createTestDatabase();
    try {
      const terms = await countRows(target.db, "taxonomy_terms");
      // A table the source does not have, asked for last: the copy fails after the others were written.
      const tables = [...RECORD_TABLES, "no_such_table" as (typeof RECORD_TABLES)[number]];
      await expect(copyRecordTables(source.db, target.db, { tables })).rejects.toThrow(/no_such_table/);
      expect(await countRows(target.db, "reports")).toBe(0);
      expect(await countRows(target.db, "audit_log")).toBe(0);
      expect(await countRows(target.db, "taxonomy_terms")).toBe(terms);
    } finally {
      await target.close();
    }
  });
});
