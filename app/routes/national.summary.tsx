import type { LoaderFunctionArgs } from "@remix-run/node";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import { NationalDashboard } from "~/dashboard/national-page";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { nationalPage } from "~/dashboard/national-route";
import { answering, dashboardState } from "~/dashboard/request.server";
import { requireLibraryReader } from "~/library/library.server";

export const { links, meta } = nationalPage("National trends");

/** Public: published fields only (no agency comparison), open to whoever may read the library. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireLibraryReader(request, context);
  const state = { ...dashboardState(request), vs: "national" as const, funnel: undefined };
  // Published fields only: whoever may read it may download its tables and charts.
  return { view: await answering(request, () => getNationalDashboard(context, "public", state)), canExport: true };
}

export default NationalDashboard;

export const ErrorBoundary = DashboardErrorBoundary;
