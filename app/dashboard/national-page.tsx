// The national view's page, shared by programme staff (/national, with the funnel plot of agencies) and
// everyone (/national/summary, published fields only).
import { Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ExportLinksContext, PageDownloads } from "./export-links";
import { ActiveFilters, FilterBar } from "./filter-bar";
import { hrefOf, toSearchParams } from "./filter-schema";
import { HeadlineStrip } from "./headline-strip";
import { CooccurrencePanel } from "./panels/cooccurrence-panel";
import { EmergingPanel } from "./panels/emerging-panel";
import { FunnelPanel } from "./panels/funnel-panel";
import { HeatmapPanel } from "./panels/heatmap-panel";
import { LossMixPanel } from "./panels/loss-mix-panel";
import { PeriodProfilePanel } from "./panels/period-profile-panel";
import { ProfilePanel } from "./panels/profile-panel";
import { NATIONAL_PROFILE_TITLE } from "./models/profile";
import { NATIONAL_TOTALS_LABEL } from "./models/trends";
import { RegionalPanel } from "./panels/regional-panel";
import { TotalsPanel, TrendPanels } from "./panels/trend-panels";
import type { NationalDashboardView } from "./view-types";

export function NationalDashboard() {
  const { view, canExport } = useLoaderData<{ view: NationalDashboardView; canExport: boolean }>();
  const location = useLocation();
  const navigation = useNavigation();
  const path = location.pathname;
  const loading = navigation.state === "loading" && navigation.location.pathname === path;
  const { state, period } = view;
  const staff = view.kind === "national";
  const query = toSearchParams(state).toString();
  return (
    <ExportLinksContext.Provider value={canExport ? { base: path, query } : null}>
      <main className="page dashboard" aria-labelledby="dash-title">
        <header className="dash-header">
          <h1 id="dash-title">{staff ? "National view" : "National trends"}</h1>
          <p className="lead">
            Shares of all published near-miss reports, by incident type, contributing factor, region and month. Reports
            are voluntary: they show what officers share, not how often things happen.
            {staff ? " The funnel plot compares partner agencies without naming them." : ""}
          </p>
          {staff ? (
            <p>
              <Link to={hrefOf("/national/summary", { ...state, funnel: undefined })}>Public summary of this view</Link>
            </p>
          ) : null}
        </header>
        <FilterBar path={path} state={state} period={period} variant={staff ? "national" : "public"} />
        <ActiveFilters path={path} state={state} />
        <PageDownloads />
        {loading ? (
          <p className="dash-loading" role="status">
            Updating the dashboard…
          </p>
        ) : null}
        <div className={`dash-body${loading ? " is-loading" : ""}`} aria-busy={loading || undefined}>
          <HeadlineStrip headline={view.headline} period={period} subject="National" />
          <div className="dash-grid">
            <TotalsPanel totals={view.totals} state={state} period={period} label={NATIONAL_TOTALS_LABEL} />
            <TrendPanels trends={view.trends} state={state} period={period} />
            <EmergingPanel emerging={view.emerging} state={state} period={period} />
            {view.funnel ? <FunnelPanel funnel={view.funnel} state={state} period={period} /> : null}
            <RegionalPanel regional={view.regional} state={state} period={period} />
            <CooccurrencePanel cooccurrence={view.cooccurrence} state={state} period={period} />
            <ProfilePanel profile={view.profile} state={state} period={period} title={NATIONAL_PROFILE_TITLE} />
            {view.periods ? <PeriodProfilePanel periods={view.periods} state={state} period={period} /> : null}
            <HeatmapPanel heatmap={view.heatmap} state={state} period={period} />
            <LossMixPanel mix={view.lossMix} state={state} period={period} />
          </div>
        </div>
      </main>
    </ExportLinksContext.Provider>
  );
}
