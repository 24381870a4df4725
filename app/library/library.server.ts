// The library's server side as routes see it: who may read, and the db/library functions they call.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { getSessionUser, type SessionUser } from "~/auth/session-user.server";
import type { LibraryViewer } from "../../db/library/published-columns";

export { exploreReports, type ExplorerResult, type ExplorerRow } from "../../db/library/explore-reports";
export type { FacetCounts } from "../../db/library/facet-counts";
export { chooseFeaturedReport, getFeaturedReport, UnknownReportError, type FeaturedReport } from "../../db/library/featured-report";
export { getRecentReports } from "../../db/library/recent-reports";
export { getPublishedReport, type PublishedReport } from "../../db/library/report-page";
export { findSimilarReports, type SimilarReport } from "../../db/library/similar-reports";
export type { Snippet } from "../../db/library/snippet";

const AGENCY_ROLES = new Set(["agency_commander", "agency_trainer", "agency_analyst"]);
const FEATURE_ROLES = new Set(["administrator", "reviewer"]);

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
  return user !== null && FEATURE_ROLES.has(user.role);
}

/**
 * Only administrators and reviewers choose the near miss of the week; anyone else gets 403. A POST
 * from another site is refused first (Fetch Metadata / Origin), until the Accounts work's CSRF tokens
 * cover every authenticated form.
 */
export async function requireFeatureChooser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const site = request.headers.get("Sec-Fetch-Site");
  const origin = request.headers.get("Origin");
  if ((site && site !== "same-origin") || (origin && origin !== new URL(request.url).origin)) {
    throw new Response("Cross-site requests are not accepted.", { status: 403 });
  }
  const user = await getSessionUser(request, context);
  if (!user) throw new Response("Sign in as a reviewer or administrator to choose the near miss of the week.", { status: 401 });
  if (!canChooseFeatured(user)) throw new Response("Only reviewers and administrators choose the near miss of the week.", { status: 403 });
  return user;
}
