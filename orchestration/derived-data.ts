import type { Kysely } from "kysely";
import { rebuildAnalyticsRollups } from "../analytics/rollups/rebuild-rollups";
import { refreshReportInRollups } from "../analytics/rollups/refresh-report";
import { warmNationalCache } from "../analytics/warm-national-cache";
import type { Database } from "../db/database";
import { indexReport, rebuildSearchIndex } from "../db/library/search-index";
import type { OpenDatabase } from "../db/open";

/**
 * Tables derived from published reports (the search index, analytics rollups). Each area registers
 * here: `rebuild` runs after a seed and on `closecall rebuild`; `refresh` runs after publication with
 * the newly published report ids (refreshDerivedData), so every publication path updates them alike.
 */
export interface DerivedData {
  name: string;
  rebuild(database: OpenDatabase): Promise<void>;
  refresh?(db: Kysely<Database>, reportIds: readonly string[]): Promise<void>;
}

export const derivedData: DerivedData[] = [
  {
    name: "report library and search index",
    rebuild: async (d) => void (await rebuildSearchIndex(d.db)),
    refresh: async (db, reportIds) => {
      for (const id of reportIds) await indexReport(db, id);
    },
  },
  {
    name: "analytics rollups",
    rebuild: (d) => rebuildAnalyticsRollups(d.db),
    refresh: async (db, reportIds) => {
      for (const id of reportIds) await refreshReportInRollups(db, id);
    },
  },
  // Last, after the rollups changed version: the first visitor then finds the national figures cached.
  { name: "national analytics cache", rebuild: (d) => warmNationalCache(d.db), refresh: (db) => warmNationalCache(db) },
];

export async function rebuildDerivedData(database: OpenDatabase, log: (line: string) => void): Promise<void> {
  for (const item of derivedData) {
    const started = performance.now();
    await item.rebuild(database);
    log(`Rebuilt ${item.name} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
}

/** Call after reports are published (or unpublished) so the derived tables include them. */
export async function refreshDerivedData(db: Kysely<Database>, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  for (const item of derivedData) await item.refresh?.(db, reportIds);
}
