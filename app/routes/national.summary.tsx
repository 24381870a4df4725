import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import dashboardStyles from "~/dashboard/dashboard.css";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import { NationalDashboard } from "~/dashboard/national-page";
import { getNationalDashboard } from "~/dashboard/national-dashboard.server";
import { answering, dashboardState } from "~/dashboard/request.server";
import { requireLibraryReader } from "~/library/library.server";
import exportStyles from "~/exports/exports.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: exportStyles },
];

export const meta: MetaFunction = () => [{ title: "National trends — Close Call" }];

/** Public: published fields only (no agency comparison), open to whoever may read the library. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireLibraryReader(request, context);
  const state = { ...dashboardState(request), vs: "national" as const, funnel: undefined };
  // Published fields only: whoever may read it may download its tables and charts.
  return { view: await answering(request, () => getNationalDashboard(context, "public", state)), canExport: true };
}

export default NationalDashboard;

export const ErrorBoundary = DashboardErrorBoundary;
