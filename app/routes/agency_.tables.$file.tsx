import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getAgencyDashboard } from "~/dashboard/agency-dashboard.server";
import { parseExportFile, tableDownload } from "~/exports/dashboard-export.server";
import { agencyExporter, exportState, exportView } from "~/exports/export-request.server";

/** A table of the agency dashboard as CSV or XLSX (all.xlsx: every table), for the signed-in member's own agency. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const file = parseExportFile(params.file, ["csv", "xlsx"] as const);
  const state = { ...exportState(request), funnel: undefined };
  const view = await exportView(() => getAgencyDashboard(context, user, state));
  return tableDownload(context, await agencyExporter(context, user), "agency", view, file);
}
