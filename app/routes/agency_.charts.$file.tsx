import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { agencyExportState } from "~/dashboard/agency-request.server";
import { chartDownload, parseExportFile } from "~/exports/dashboard-export.server";
import { agencyExporter, agencyExportView } from "~/exports/export-request.server";
import { agencySource } from "~/exports/export-sources";

/**
 * A chart of the agency dashboard as SVG or PNG, from the signed-in member's own agency's release book: the page's
 * cells for the same choices.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const file = parseExportFile(params.file, ["svg", "png"] as const);
  const view = await agencyExportView(context, user, agencyExportState(request));
  return chartDownload(context, await agencyExporter(context, user), agencySource(view), file);
}
