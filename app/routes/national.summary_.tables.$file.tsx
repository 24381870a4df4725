import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { parseExportFile, tableDownload } from "~/exports/dashboard-export.server";
import { nationalSource } from "~/exports/export-sources";
import { exportState, exportView } from "~/exports/export-request.server";
import { requireLibraryReader } from "~/library/library.server";

/** A table of the public national summary (published fields only) as CSV or XLSX, for whoever may read it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireLibraryReader(request, context);
  const file = parseExportFile(params.file, ["csv", "xlsx"] as const);
  const state = { ...exportState(request), vs: "national" as const, funnel: undefined };
  const view = await exportView(() => getNationalDashboard(context, "public", state));
  return tableDownload(context, { userId: user?.id ?? null }, nationalSource(view, "summary"), file);
}
