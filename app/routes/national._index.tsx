import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import { NationalDashboard } from "~/dashboard/national-page";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { nationalPage } from "~/dashboard/national-route";
import { answering, dashboardState } from "~/dashboard/request.server";
import { roleHasPermission } from "~/auth/permissions";

export const { links, meta } = nationalPage("National view");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "read:analytics:any");
  // "Compare your agency with" belongs to the agency dashboard: ignored here.
  const state = { ...dashboardState(request), vs: "national" as const };
  return {
    view: await answering(request, () => getNationalDashboard(context, "national", state)),
    canExport: roleHasPermission(user.role, "export:analytics:any"),
  };
}

export default NationalDashboard;

export const ErrorBoundary = DashboardErrorBoundary;
