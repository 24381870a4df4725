import { rebuildAnalyticsRollups } from "../analytics/rollups/rebuild-rollups";
import type { OpenDatabase } from "../db/open";

/**
 * Tables derived from published reports (the search index, analytics rollups). Each area registers
 * its rebuild here; it runs after a seed and on `closecall rebuild`. Publication updates them
 * incrementally through each area's own functions.
 */
export interface DerivedData {
  name: string;
  rebuild(database: OpenDatabase): Promise<void>;
}

export const derivedData: DerivedData[] = [
  // e.g. { name: "search index", rebuild: (d) => rebuildSearchIndex(d.db) },
  { name: "analytics rollups", rebuild: (d) => rebuildAnalyticsRollups(d.db) },
];

export async function rebuildDerivedData(database: OpenDatabase, log: (line: string) => void): Promise<void> {
  for (const item of derivedData) {
    const started = performance.now();
    await item.rebuild(database);
    log(`Rebuilt ${item.name} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
}
