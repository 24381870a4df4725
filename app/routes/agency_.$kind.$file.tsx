import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { agencyExportState } from "~/dashboard/agency-request.server";
import { pageDownload, parsePageDownload } from "~/exports/dashboard-export.server";
import { agencyExporter, agencyExportView } from "~/exports/export-request.server";
import { agencySource } from "~/exports/export-sources";

/**
 * A chart (charts/<id>.svg or .png) or a table (tables/<id>.csv or .xlsx; all.xlsx: every table) of the
 * agency dashboard, from the signed-in member's own agency's release book: the page's cells for the same choices.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const file = parsePageDownload(params.kind, params.file);
  const view = await agencyExportView(context, user, agencyExportState(request));
  return pageDownload(context, await agencyExporter(context, user), agencySource(view), file);
}
