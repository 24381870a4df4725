// The pages the server may keep rendered (server/page-cache): each with its key and its data version.
import { agencyPageView } from "./dashboard/agency-page-view.server";
import { libraryPageView } from "./library/library-page-view.server";
import type { PageView } from "../server/page-cache/page-cache";

export const pageViews: readonly PageView[] = [libraryPageView, agencyPageView];
