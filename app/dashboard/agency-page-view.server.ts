import { createHash } from "node:crypto";
import { readBookAndRollupVersion } from "../../analytics/release-book/book-version";
import { listSavedViews } from "../../db/saved-views/saved-views";
import type { PageView } from "../../server/page-cache/page-cache";
import { roleHasPermission } from "../auth/permissions";
import { signedInViewer } from "../page-cache/viewer-class.server";
import { agencySearchParams, parseAgencySearch } from "./agency-state";

/**
 * The agency dashboard (`/agency`) in the page cache: ~90 ms of CPU per page at 1M reports (the book's
 * tables read, the view model, server rendering of every chart and table), ~1.5 ms when kept. A page is
 * one member's own (their id is in the key, their CSRF token a hole) and shows three things that change:
 * - the free layer and the lessons, with every publication (the rollup version), and the agency's release
 *   book at a release (the book's version): both in the data version, read in one query;
 * - the member's saved views, when they save or delete one (the list itself in the key).
 * Measured at 1M reports, a kept page's key cost 2.3 ms of CPU more while it read the agency's latest
 * release (a scan of every release) instead of the book's version.
 * Only the canonical address is kept (the one the page's own links make); anything else, a bad choice
 * (the 400 page) or a member without the dashboard's permission (the 403) goes to Remix as before.
 */
export const agencyPageView: PageView = {
  path: "/agency",
  dataVersion: (context) => readBookAndRollupVersion(context.analytics),
  async key(request, context) {
    const url = new URL(request.url);
    const parsed = parseAgencySearch(url.searchParams);
    if (!parsed.ok) return null;
    const query = agencySearchParams(parsed.state).toString();
    if (url.search !== (query ? `?${query}` : "")) return null;
    const signedIn = await signedInViewer(request, context);
    if (!signedIn?.user.agencyId || !roleHasPermission(signedIn.user.role, "read:analytics:own")) return null;
    const views = await listSavedViews(context.db, signedIn.user.id);
    const saved = createHash("sha256").update(JSON.stringify(views)).digest("base64url");
    return { query: `${query}\nviews ${saved}`, viewer: signedIn.viewer };
  },
};
