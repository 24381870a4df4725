// The national view's one server entry point: programme staff get the funnel plot of agencies (anonymous
// dots) on top of the public summary, which anyone may see (published fields only, no suppression needed).
import type { AppLoadContext } from "@remix-run/node";
import { getEmergingRisks } from "../../analytics/get-emerging-risks";
import { getFactorCooccurrence } from "../../analytics/get-factor-cooccurrence";
import { getFactorProfile } from "../../analytics/get-factor-profile";
import { bookYears, getBookFunnelCached } from "../../analytics/agency-book/get-book-funnel";
import { getIncidentFactorMatrix } from "../../analytics/get-incident-factor-matrix";
import { getLossPotentialMix } from "../../analytics/get-loss-potential-mix";
import { getTrends } from "../../analytics/get-trends";
import { sourceOf } from "../../analytics/source";
import { censusRegions, labels } from "../../domain/taxonomy/index";
import { analyticsFilters, privacyRules } from "./analytics-input.server";
import type { DashboardState } from "./filter-schema";
import {
  buildCooccurrence,
  buildEmerging,
  buildHeadline,
  buildHeatmap,
  buildLossMix,
  buildPeriodProfile,
  buildProfile,
  buildTotals,
  buildTrends,
  topFactors,
} from "./view-builders.server";
import type { FunnelView, NationalDashboardView, RegionalView } from "./view-types";

const TREND_FACTORS = 4;
const TOP_FACTORS = 10;
const REGION_FACTORS = 8;
const EMERGING_ROWS = 12;
const PAIRS = 12;

/**
 * The funnel of agencies for programme staff: from the agencies' release books (docs/design.md §6.1), for the
 * released year of publication that holds the end of the page's period (or the latest released year).
 */
async function bookFunnel(context: AppLoadContext, factor: string, periodEnd: string): Promise<FunnelView | null> {
  const years = await bookYears(context.analytics);
  const year = [...years].reverse().find((y) => y <= periodEnd.slice(0, 4)) ?? years[years.length - 1];
  if (!year) return null;
  const minimum = Math.max(context.config.agencyMinReports, context.config.privacyK);
  const funnel = await getBookFunnelCached(context.analytics, { year, factor, minimum });
  return { ...funnel, label: `${funnel.label} — agencies' released figures for ${year} (year of publication)` };
}

/**
 * `kind` national: programme staff (national analysts, administrators); public: everyone else. The
 * viewer is decided by the route from the session, never from the URL.
 */
export async function getNationalDashboard(
  context: AppLoadContext,
  kind: "national" | "public",
  state: DashboardState,
): Promise<NationalDashboardView> {
  const viewer = { kind } as const;
  const privacy = privacyRules(context);
  const source = sourceOf(context.analytics);
  const filters = analyticsFilters(state);
  const [profile, trends, matrix, lossMix, emerging, cooccurrence, regions, comparison] = await Promise.all([
    getFactorProfile(source, filters, viewer, privacy),
    getTrends(source, filters, viewer, privacy),
    getIncidentFactorMatrix(source, filters, viewer, privacy),
    getLossPotentialMix(source, filters, viewer, privacy),
    getEmergingRisks(source, filters, viewer, privacy),
    getFactorCooccurrence(source, filters, viewer, privacy),
    // Regions are a published field: each region's profile is public (the region filter does not apply here).
    Promise.all(
      censusRegions.map((r) =>
        getFactorProfile(source, analyticsFilters({ ...state, region: r.code }), viewer, privacy),
      ),
    ),
    // The comparison period: the same filters over other months, through the same measure (and its rules).
    state.bfrom && state.bto
      ? getFactorProfile(source, analyticsFilters({ ...state, from: state.bfrom, to: state.bto }), viewer, privacy)
      : null,
  ]);
  const top = topFactors(profile, TOP_FACTORS);
  const funnelFactor = state.funnel ?? top[0];
  const funnel =
    kind === "national" && funnelFactor ? await bookFunnel(context, funnelFactor, profile.meta.window.to) : null;
  const regionFactors = top.slice(0, REGION_FACTORS);
  const regional: RegionalView = {
    factors: regionFactors.map((code) => ({ code, label: labels.factor(code) })),
    rows: censusRegions.map((r, i) => {
      const p = regions[i]!;
      return {
        region: r.code,
        label: r.label,
        reports: typeof p.subjectReports === "number" ? p.subjectReports : 0,
        shares: regionFactors.map((code) => p.rows.find((row) => row.factor === code)?.subject.share ?? null),
      };
    }),
  };
  return {
    kind,
    state,
    period: profile.meta.window,
    privacy: { k: privacy.k, agencyMinReports: privacy.agencyMinReports },
    headline: buildHeadline(
      trends,
      profile.subjectReports,
      typeof profile.subjectReports === "number" ? profile.subjectReports : null,
      state.compare,
      [],
    ),
    profile: buildProfile(profile),
    periods: comparison ? buildPeriodProfile(profile, comparison) : null,
    trends: buildTrends(trends, top.slice(0, TREND_FACTORS)),
    totals: buildTotals(trends),
    emerging: buildEmerging(emerging, EMERGING_ROWS),
    funnel,
    regional,
    cooccurrence: buildCooccurrence(cooccurrence, PAIRS),
    heatmap: buildHeatmap(matrix, top),
    lossMix: buildLossMix(lossMix, top.slice(0, 5)),
  };
}
