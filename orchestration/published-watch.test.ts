// A publication on one process reaches another process's analytics copy (scale-out, docs/scale-out.md):
// through PostgreSQL's NOTIFY at the publication's commit, or through polling when nothing notifies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows } from "../db/move/copy-database";
import { openPostgres } from "../db/open-postgres";
import type { OpenStore } from "../db/open";
import { runPublicationBatch } from "../db/review/publication";
import { approveTestReport, testServerKey } from "../tests/review/review-fixtures";
import { createPostgresDatabase, testBackends } from "../tests/support/test-backends";
import { type AnalyticsCopy, catchUpAnalyticsCopy, openAnalyticsCopy } from "./analytics-copy";
import { watchPublishedChanges } from "./published-watch";

testBackends(); // this file's throw-away PostgreSQL cluster, stopped after its last test
const { key } = testServerKey();
let url: string;
let store: OpenStore;
let copy: AnalyticsCopy;

beforeAll(async () => {
  url = await createPostgresDatabase();
  store = await openPostgres(url);
  copy = await openAnalyticsCopy(store.db);
});
afterAll(async () => {
  await copy?.database.close();
  await store?.close();
});

/**
 * Publishes one report on "another process" (the system of record directly) and times its arrival here:
 * until the copy's library has it (the search index is refreshed after the report's rows are copied).
 */
async function publishAndTimeArrival(): Promise<number> {
  const before = await countRows(copy.database.db, "library_documents");
  await approveTestReport(store.db, key);
  const published = performance.now();
  const batch = await runPublicationBatch(store.db, key, { retentionDays: 30, runBy: null });
  expect(batch.reportIds).toHaveLength(1);
  await expect
    .poll(() => countRows(copy.database.db, "library_documents"), { timeout: 5000, interval: 20 })
    .toBe(before + 1);
  return performance.now() - published;
}

describe("a publication reaching a process's analytics copy", () => {
  it("arrives by notification within 5 s, with polling off", async () => {
    const watch = watchPublishedChanges({
      url,
      pollMs: 3_600_000,
      onChange: () => catchUpAnalyticsCopy(store.db, copy).then(),
    });
    try {
      await watch.ready;
      expect(await publishAndTimeArrival()).toBeLessThan(5000);
      expect(await countRows(copy.database.db, "reports")).toBe(1);
    } finally {
      await watch.stop();
    }
  });

  it("arrives by polling within 5 s when nothing is listening", async () => {
    const watch = watchPublishedChanges({
      url: null,
      pollMs: 500,
      onChange: () => catchUpAnalyticsCopy(store.db, copy).then(),
    });
    try {
      expect(await publishAndTimeArrival()).toBeLessThan(5000);
    } finally {
      await watch.stop();
    }
  });

  it("does not run a catch-up on its own when nothing is published and polling is off", async () => {
    let runs = 0;
    const watch = watchPublishedChanges({ url, pollMs: 3_600_000, onChange: async () => void runs++ });
    try {
      await watch.ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toBe(0);
      await approveTestReport(store.db, key);
      await runPublicationBatch(store.db, key, { retentionDays: 30, runBy: null });
      await expect.poll(() => runs, { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      await watch.stop();
    }
  });
});
