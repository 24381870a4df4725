import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { pageDownload, parsePageDownload } from "~/exports/dashboard-export.server";
import { nationalSource } from "~/exports/export-sources";
import { exportState, exportView } from "~/exports/export-request.server";
import { requireLibraryReader } from "~/library/library.server";

/**
 * A chart (charts/<id>.svg or .png) or a table (tables/<id>.csv or .xlsx) of the public national summary
 * (published fields only), for whoever may read it.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireLibraryReader(request, context);
  const file = parsePageDownload(params.kind, params.file);
  const state = { ...exportState(request), vs: "national" as const, funnel: undefined };
  const view = await exportView(() => getNationalDashboard(context, "public", state));
  return pageDownload(context, { userId: user?.id ?? null }, nationalSource(view, "summary"), file);
}
