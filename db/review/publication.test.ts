import { describe, expect, it } from "vitest";
import { approveTestReport, testServerKey } from "../../tests/review/review-fixtures";
import { testBackends } from "../../tests/support/test-backends";
import { runPublicationBatch } from "./publication";

// Public numbers continue the year's sequence from one batch to the next, on both backends
// (the two-stage review itself is tested in tests/review/).
describe.each(testBackends())("publication batches on $name", (backend) => {
  it("number reports after the year's highest public number", async () => {
    const database = await backend.open();
    const { key } = testServerKey();
    const batch = (today: string) => runPublicationBatch(database.db, key, { today, retentionDays: 30, runBy: null });
    try {
      await approveTestReport(database.db, key);
      await approveTestReport(database.db, key);
      const first = await batch("2026-03-10");
      await approveTestReport(database.db, key);
      const second = await batch("2026-04-10");
      expect([...first.publicNumbers].sort()).toEqual(["2026-00001", "2026-00002"]);
      expect(second.publicNumbers).toEqual(["2026-00003"]);
      const reports = await database.db.selectFrom("reports").select(["public_number", "published_month"]).execute();
      expect(reports.map((r) => [r.public_number, r.published_month]).sort()).toEqual([
        ["2026-00001", "2026-03-01"],
        ["2026-00002", "2026-03-01"],
        ["2026-00003", "2026-04-01"],
      ]);
    } finally {
      await database.close();
    }
  });
});
