import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { pageDownload, parsePageDownload } from "~/exports/dashboard-export.server";
import { nationalSource } from "~/exports/export-sources";
import { exportState, exportView } from "~/exports/export-request.server";

/**
 * A chart (charts/<id>.svg or .png) or a table (tables/<id>.csv or .xlsx; all.xlsx: every table) of the national
 * view (programme staff).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:any");
  const file = parsePageDownload(params.kind, params.file);
  const state = { ...exportState(request), vs: "national" as const };
  const view = await exportView(() => getNationalDashboard(context, "national", state));
  return pageDownload(context, { userId: user.id }, nationalSource(view, "national"), file);
}
