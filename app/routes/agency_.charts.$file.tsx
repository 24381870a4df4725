import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getAgencyDashboard } from "~/dashboard/agency-dashboard.server";
import { chartDownload, parseExportFile } from "~/exports/dashboard-export.server";
import { agencyExporter, exportState, exportView } from "~/exports/export-request.server";

/** A chart of the agency dashboard as SVG or PNG, for the signed-in member's own agency. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const file = parseExportFile(params.file, ["svg", "png"] as const);
  const state = { ...exportState(request), funnel: undefined };
  const view = await exportView(() => getAgencyDashboard(context, user, state));
  return chartDownload(context, await agencyExporter(context, user), "agency", view, file);
}
