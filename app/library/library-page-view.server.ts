import { readRollupVersion } from "../../analytics/rollups/rollup-version";
import type { PageView } from "../../server/page-cache/page-cache";
import { viewerClass } from "../page-cache/viewer-class.server";
import { parseLibrarySearch, toSearchParams } from "./filter-schema";

/**
 * The report library (`/reports`) in the page cache. What it shows changes with every publication,
 * withdrawal and rebuild, all of which bump the rollup version (orchestration/derived-data.ts refreshes the
 * search index and then the rollups). Only the canonical address of a search is kept — the one the
 * page's own links and forms make — so junk parameters cannot fill the cache with copies.
 */
export const libraryPageView: PageView = {
  path: "/reports",
  dataVersion: (context) => readRollupVersion(context.analytics),
  async key(request, context) {
    const url = new URL(request.url);
    const parsed = parseLibrarySearch(url.searchParams);
    if (!parsed.ok) return null;
    const query = toSearchParams(parsed.state).toString();
    if (url.search !== (query ? `?${query}` : "")) return null;
    const viewer = await viewerClass(request, context);
    if (viewer.kind === "anonymous" && context.config.libraryAccess === "members") return null;
    return { query, viewer };
  },
};
