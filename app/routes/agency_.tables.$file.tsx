import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { agencyExportState } from "~/dashboard/agency-request.server";
import { tableDownload, parseExportFile } from "~/exports/dashboard-export.server";
import { agencyExporter, agencyExportView } from "~/exports/export-request.server";
import { agencySource } from "~/exports/export-sources";

/**
 * A table of the agency dashboard as CSV or XLSX (all.xlsx: every table), from the signed-in member's own agency's
 * release book: the page's cells for the same choices.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const file = parseExportFile(params.file, ["csv", "xlsx"] as const);
  const view = await agencyExportView(context, user, agencyExportState(request));
  return tableDownload(context, await agencyExporter(context, user), agencySource(view), file);
}
