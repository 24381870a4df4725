import { readRollupVersion } from "../../analytics/rollups/rollup-version";
import { deepFreeze } from "../../analytics/source";
import type { Executor } from "../../db/database";
import { type ExplorerResult, exploreReports } from "../../db/library/explore-reports";
import type { LibraryViewer } from "../../db/library/published-columns";
import type { LibraryState } from "./filter-schema";

/**
 * Explorer results kept per normalised query and data version: at 1M reports a search with its facet
 * counts costs ~220 ms of CPU (the facets ~130 ms of it), the same for every reader who asks the same
 * question until the next publication. Publications, withdrawals and rebuilds bump the rollup version,
 * which is read before the queries run, so a result is never kept under a newer version than its data.
 * "Shared with my agency" results depend on the reader's agency, which is then part of the key.
 */
const ENTRIES = 500; // a few tens of KiB each

const kept = new WeakMap<object, Map<string, Promise<ExplorerResult>>>();

export async function exploreReportsKept(
  db: Executor,
  state: LibraryState,
  viewer: LibraryViewer,
): Promise<ExplorerResult> {
  const version = await readRollupVersion(db);
  const scope = state.filters.sharedWithMyAgency ? (viewer.agencyId ?? "none") : "all";
  // The whole state, not its URL: the URL leaves out what makes no difference to the rows (e.g. "all of"
  // with one factor) but does to the facet counts.
  const key = JSON.stringify([version, state.filters, state.sort, state.page, scope]);
  let results = kept.get(db);
  if (!results) kept.set(db, (results = new Map()));
  let pending = results.get(key);
  if (pending) {
    results.delete(key); // re-inserted below: most recently used last
  } else {
    const forget = results;
    // Frozen: one result serves many requests, so no page may change it for the next.
    pending = exploreReports(db, state.filters, state.sort, state.page, viewer).then(deepFreeze);
    pending.catch(() => forget.delete(key));
  }
  results.set(key, pending);
  if (results.size > ENTRIES) results.delete(results.keys().next().value!);
  return pending;
}
