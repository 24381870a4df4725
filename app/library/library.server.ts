// The library's server side as routes see it: who may read, and the db/library functions they call.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { userHasPermission } from "~/auth/permissions";
import { getSessionUser, type SessionUser } from "~/auth/session-user.server";
import type { LibraryViewer } from "../../db/library/published-columns";

export { exploreReports, type ExplorerResult, type ExplorerRow } from "../../db/library/explore-reports";
export { exploreReportsKept } from "./explore-cache.server";
export type { FacetCounts } from "../../db/library/facet-counts";
export {
  chooseFeaturedReport,
  getFeaturedReport,
  UnknownReportError,
  type FeaturedReport,
} from "../../db/library/featured-report";
export { getRecentReports } from "../../db/library/recent-reports";
export { getPublishedReport, type PublishedReport } from "../../db/library/report-page";
export { findSimilarReports, type SimilarReport } from "../../db/library/similar-reports";
export type { Snippet } from "../../db/library/snippet";

const AGENCY_ROLES = new Set(["agency_commander", "agency_trainer", "agency_analyst"]);

export interface LibraryReader {
  user: SessionUser | null;
  viewer: LibraryViewer;
}

/**
 * Anyone may read the library unless LIBRARY_ACCESS=members, which sends signed-out readers to sign in.
 * The viewer's agency (for "shared with my agency") comes from the session only.
 */
export async function requireLibraryReader(request: Request, context: AppLoadContext): Promise<LibraryReader> {
  const user = await getSessionUser(request, context);
  if (context.config.libraryAccess === "members" && !user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  const agencyId = user && AGENCY_ROLES.has(user.role) ? user.agencyId : null;
  return { user, viewer: { agencyId } };
}

/** Whether this request may see library content at all (the home page's featured report asks). */
export async function mayReadLibrary(request: Request, context: AppLoadContext): Promise<boolean> {
  return context.config.libraryAccess === "public" || (await getSessionUser(request, context)) !== null;
}

export function canChooseFeatured(user: SessionUser | null): boolean {
  return userHasPermission(user, "manage:featured-report:any");
}
