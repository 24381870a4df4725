// From the page's URL state and the session to what the analytics engine takes: filters, viewer and
// privacy rules. The agency always comes from the session (viewerFor), never from the request.
import type { AppLoadContext } from "@remix-run/node";
import { type AnalyticsFilters, parseAnalyticsFilters, type Scope } from "../../analytics/filters";
import type { PrivacyRules } from "../../analytics/privacy/rules";
import type { DashboardState, ReferenceChoice } from "./filter-schema";

const scopeOf: Record<ReferenceChoice, Scope> = { national: "agency", size: "peer_size", region: "peer_region" };

/** The analytics filters for a dashboard state: months as the grain, the agency scope chosen by `vs`. */
export function analyticsFilters(state: DashboardState, scope: "agency" | "national" | "peer"): AnalyticsFilters {
  const resolvedScope: Scope = scope === "national" ? "national" : scope === "peer" ? (state.vs === "region" ? "peer_region" : "peer_size") : scopeOf[state.vs];
  return parseAnalyticsFilters({
    grain: "month",
    from: state.from,
    to: state.to,
    incidentType: state.type as AnalyticsFilters["incidentType"],
    factor: state.factor as AnalyticsFilters["factor"],
    lossPotential: state.loss as AnalyticsFilters["lossPotential"],
    censusRegion: state.region as AnalyticsFilters["censusRegion"],
    scope: resolvedScope,
  });
}

export function privacyRules(context: AppLoadContext): PrivacyRules {
  return { k: context.config.privacyK, agencyMinReports: context.config.agencyMinReports };
}
