import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { roleHasPermission } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { answeringBook, getAgencyBookView } from "~/dashboard/agency-book.server";
import { agencyPageState } from "~/dashboard/agency-request.server";
import { AgencyPage, PendingPage } from "~/dashboard/book/agency-page";
import bookStyles from "~/dashboard/book/book.css";
import dashboardStyles from "~/dashboard/dashboard.css";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import { listSavedViews, savedViewAction } from "~/dashboard/saved-views.server";
import exportStyles from "~/exports/exports.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: bookStyles },
  { rel: "stylesheet", href: exportStyles },
];

export const meta: MetaFunction = () => [{ title: "Agency dashboard — Close Call" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "read:analytics:own");
  const state = agencyPageState(request);
  const [view, savedViews] = await Promise.all([
    answeringBook(request, () => getAgencyBookView(context, user, state)),
    listSavedViews(context.db, user.id),
  ]);
  return { view, savedViews, csrf: session.csrfToken, canExport: roleHasPermission(user.role, "export:analytics:own") };
}

/** Saved views: save the current view under a name, or delete one of the member's own. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "read:analytics:own");
  return savedViewAction(context, user, form);
}

export default function AgencyDashboard() {
  const { view, savedViews, csrf, canExport } = useLoaderData<typeof loader>();
  if ("pending" in view) return <PendingPage view={view} />;
  return <AgencyPage view={view} canExport={canExport} csrf={csrf} savedViews={savedViews} />;
}

export const ErrorBoundary = DashboardErrorBoundary;
