import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { chartDownload, parseExportFile } from "~/exports/dashboard-export.server";
import { nationalSource } from "~/exports/export-sources";
import { exportState, exportView } from "~/exports/export-request.server";

/** A chart of the national view (programme staff) as SVG or PNG. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:any");
  const file = parseExportFile(params.file, ["svg", "png"] as const);
  const state = { ...exportState(request), vs: "national" as const };
  const view = await exportView(() => getNationalDashboard(context, "national", state));
  return chartDownload(context, { userId: user.id }, nationalSource(view, "national"), file);
}
