import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { getAgencyDashboard } from "~/dashboard/agency-dashboard.server";
import dashboardStyles from "~/dashboard/dashboard.css";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import { ActiveFilters, FilterBar } from "~/dashboard/filter-bar";
import { HeadlineStrip } from "~/dashboard/headline-strip";
import { EmergingPanel } from "~/dashboard/panels/emerging-panel";
import { HeatmapPanel } from "~/dashboard/panels/heatmap-panel";
import { LessonsPanel } from "~/dashboard/panels/lessons-panel";
import { LossMixPanel } from "~/dashboard/panels/loss-mix-panel";
import { ProfilePanel } from "~/dashboard/panels/profile-panel";
import { TrendPanels } from "~/dashboard/panels/trend-panels";
import { answering, dashboardState } from "~/dashboard/request.server";
import { roleHasPermission } from "~/auth/permissions";
import { ExportLinksContext, PageDownloads } from "~/dashboard/export-links";
import { toSearchParams } from "~/dashboard/filter-schema";
import { agencyProfileTitle } from "~/dashboard/models/profile";
import exportStyles from "~/exports/exports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }, { rel: "stylesheet", href: exportStyles }];

export const meta: MetaFunction = () => [{ title: "Agency dashboard — Close Call" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "read:analytics:own");
  // The funnel's factor belongs to the national view: ignored here.
  const state = { ...dashboardState(request), funnel: undefined };
  return { view: await answering(request, () => getAgencyDashboard(context, user, state)), canExport: roleHasPermission(user.role, "export:analytics:own") };
}

export default function AgencyDashboard() {
  const { view, canExport } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/agency";
  const { state, period } = view;
  const query = toSearchParams(state).toString();
  return (
    <ExportLinksContext.Provider value={canExport ? { base: "/agency", query } : null}>
    <main className="page dashboard" aria-labelledby="dash-title">
      <header className="dash-header">
        <h1 id="dash-title">Your agency's reports</h1>
        <p className="lead">
          Shares of the near-miss reports your officers chose to count toward your agency, next to the nation's. Reports
          are voluntary: they tell you what officers share, not how often things happen.
        </p>
      </header>
      <FilterBar path="/agency" state={state} period={period} variant="agency" />
      <ActiveFilters path="/agency" state={state} />
      <PageDownloads briefingHref={`/agency/briefing${query ? `?${query}` : ""}`} />
      {loading ? <p className="dash-loading" role="status">Updating the dashboard…</p> : null}
      <div className={`dash-body${loading ? " is-loading" : ""}`} aria-busy={loading || undefined}>
        {view.open ? null : (
          <div className="notice info dash-closed" role="note">
            <h2>Your agency's own figures are not shown for this period</h2>
            <p>
              {view.closedReason}: your agency's dashboard opens with at least {view.privacy.agencyMinReports} reports in the period,
              so that no figure can point at the officers who reported. Below are the national figures and, where the group is
              large enough, those of other agencies of your {state.vs === "region" ? "region" : "size"}. A longer period may open it.
            </p>
          </div>
        )}
        <HeadlineStrip headline={view.headline} period={period} subject={view.open ? "Your agency" : "Your agency (withheld)"} />
        <div className="dash-grid">
          <ProfilePanel
            profile={view.profile}
            state={state}
            period={period}
            title={agencyProfileTitle(view)}
          />
          <TrendPanels trends={view.trends} state={state} period={period} />
          {view.heatmap ? <HeatmapPanel heatmap={view.heatmap} state={state} period={period} /> : null}
          <LossMixPanel mix={view.lossMix} state={state} period={period} />
          <EmergingPanel emerging={view.emerging} state={state} period={period} />
          <LessonsPanel
            lessons={view.lessons}
            intro={view.open ? "Newest published reports citing your agency's flagged and most cited factors:" : "Newest published reports citing the most cited factors nationally:"}
          />
        </div>
        <p className="dash-privacy">
          Figures that depend on your agency are withheld below {view.privacy.k} reports (“withheld”, never shown as zero), and
          some others are withheld so that a hidden figure cannot be worked out from totals.
        </p>
      </div>
    </main>
    </ExportLinksContext.Provider>
  );
}

export const ErrorBoundary = DashboardErrorBoundary;
