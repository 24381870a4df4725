import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { parseExportFile, tableDownload } from "~/exports/dashboard-export.server";
import { nationalSource } from "~/exports/export-sources";
import { exportState, exportView } from "~/exports/export-request.server";

/** A table of the national view (programme staff) as CSV or XLSX (all.xlsx: every table). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:any");
  const file = parseExportFile(params.file, ["csv", "xlsx"] as const);
  const state = { ...exportState(request), vs: "national" as const };
  const view = await exportView(() => getNationalDashboard(context, "national", state));
  return tableDownload(context, { userId: user.id }, nationalSource(view, "national"), file);
}
