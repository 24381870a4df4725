// From the national page's URL state to what the analytics engine takes: filters and privacy rules.
// Agency pages read the release book instead (agency-book.server.ts).
import type { AppLoadContext } from "@remix-run/node";
import { type AnalyticsFilters, parseAnalyticsFilters } from "../../analytics/filters";
import type { PrivacyRules } from "../../analytics/privacy/rules";
import type { DashboardState } from "./filter-schema";

/** The analytics filters for a national dashboard state: months as the grain. */
export function analyticsFilters(state: DashboardState): AnalyticsFilters {
  return parseAnalyticsFilters({
    grain: "month",
    from: state.from,
    to: state.to,
    incidentType: state.type as AnalyticsFilters["incidentType"],
    factor: state.factor as AnalyticsFilters["factor"],
    lossPotential: state.loss as AnalyticsFilters["lossPotential"],
    censusRegion: state.region as AnalyticsFilters["censusRegion"],
  });
}

export function privacyRules(context: AppLoadContext): PrivacyRules {
  return { k: context.config.privacyK, agencyMinReports: context.config.agencyMinReports };
}
