// The agency dashboard's one server entry point: every panel from the analytics engine for the signed-in
// member's own agency, reduced to the released aggregates the page shows.
import type { AppLoadContext } from "@remix-run/node";
import { getEmergingRisks } from "../../analytics/get-emerging-risks";
import { getFactorProfile } from "../../analytics/get-factor-profile";
import { getIncidentFactorMatrix } from "../../analytics/get-incident-factor-matrix";
import { getLossPotentialMix } from "../../analytics/get-loss-potential-mix";
import { getTrends } from "../../analytics/get-trends";
import { suppressionLabels } from "../../analytics/privacy/figures";
import { type AnalyticsSource, rollupVersion, SharedCache, sourceOf } from "../../analytics/source";
import type { Viewer } from "../../analytics/viewer";
import type { SessionUser } from "~/auth/session-user.server";
import { viewerFor } from "../../analytics/viewer";
import { analyticsFilters, privacyRules } from "./analytics-input.server";
import type { DashboardState } from "./filter-schema";
import { lessonsFor } from "./lessons.server";
import {
  buildEmerging, buildHeadline, buildHeatmap, buildLossMix, buildPairedProfile, buildProfile, buildTrends, topFactors,
} from "./view-builders";
import type { AgencyDashboardView } from "./view-types";

const TREND_FACTORS = 3;
const HEATMAP_FACTORS = 10;
const LOSS_FACTORS = 5;
const LESSON_FACTORS = 3;
const EMERGING_ROWS = 8;

/** An agency member's viewer; anyone else is refused before this is called. */
export function agencyViewer(user: SessionUser): Extract<Viewer, { kind: "agency" }> {
  const viewer = viewerFor(user);
  if (viewer.kind !== "agency") throw new Response("The agency dashboard is for members of a partner agency.", { status: 403 });
  return viewer;
}

/**
 * Views already computed: an agency's view changes only when the rollups do (every publication,
 * withdrawal, rebuild or agency leaving the programme bumps their version, and the lessons to read are
 * published reports, which change with them), so it is kept per agency, filters and rollup version.
 */
const agencyViews = new SharedCache<AgencyDashboardView>(128);

/**
 * The agency dashboard of the signed-in member's own agency for these filters (the agency comes from
 * the session, never from the URL). Served from the view cache when the rollups have not changed.
 */
export async function getAgencyDashboard(context: AppLoadContext, user: SessionUser, state: DashboardState): Promise<AgencyDashboardView> {
  const viewer = agencyViewer(user);
  const source = sourceOf(context.db);
  // The month is in the key too: nothing here should depend on today's date, but a cached view must not
  // outlive a month boundary if something ever does.
  const key = JSON.stringify([viewer.agencyId, await rollupVersion(source), new Date().toISOString().slice(0, 7), privacyRules(context), state]);
  return agencyViews.get(context.db, key, () => computeAgencyDashboard(context, source, viewer, state));
}

/**
 * Open agency: its figures against the chosen reference. Below the minimum-report rule its own figures
 * stay withheld, and the page shows the national figures with its peer group's instead.
 */
async function computeAgencyDashboard(
  context: AppLoadContext, source: AnalyticsSource, viewer: Extract<Viewer, { kind: "agency" }>, state: DashboardState,
): Promise<AgencyDashboardView> {
  const privacy = privacyRules(context);
  const filters = analyticsFilters(state, "agency");
  const [profile, trends, matrix, lossMix, emerging] = await Promise.all([
    getFactorProfile(source, filters, viewer, privacy),
    getTrends(source, filters, viewer, privacy),
    getIncidentFactorMatrix(source, filters, viewer, privacy),
    getLossPotentialMix(source, filters, viewer, privacy),
    getEmergingRisks(source, filters, viewer, privacy),
  ]);
  const period = profile.meta.window;
  const common = { state, period, privacy: { k: privacy.k, agencyMinReports: privacy.agencyMinReports } };
  const nationalReports = lossMix.rows[0]?.reference?.reports;
  const national = typeof nationalReports === "number" ? nationalReports : null;

  if (profile.meta.gates.agency.open) {
    const top = topFactors(profile, Math.max(HEATMAP_FACTORS, LOSS_FACTORS, TREND_FACTORS));
    const flaggedFirst = [...profile.flagged, ...top.filter((c) => !profile.flagged.includes(c))];
    const relevant = {
      incidentTypes: new Set(matrix.rows.filter((r) => typeof r.reports === "number" && r.reports > 0).map((r) => r.incidentType)),
      factors: new Set(profile.rows.filter((r) => typeof r.subject.count === "number" && r.subject.count > 0).map((r) => r.factor)),
    };
    return {
      kind: "agency", ...common, open: true, closedReason: null,
      headline: buildHeadline(trends, profile.subjectReports, national, state.compare, profile.flagged.map((c) => profile.rows.find((r) => r.factor === c)!.label)),
      profile: buildProfile(profile),
      trends: buildTrends(trends, flaggedFirst.slice(0, TREND_FACTORS)),
      heatmap: buildHeatmap(matrix, top.slice(0, HEATMAP_FACTORS)),
      lossMix: buildLossMix(lossMix, top.slice(0, LOSS_FACTORS)),
      emerging: buildEmerging(emerging, EMERGING_ROWS, relevant),
      lessons: await lessonsFor(context.db, flaggedFirst.slice(0, LESSON_FACTORS), state),
    };
  }

  // Below the minimum: national figures (public, the same for everyone) and the peer group's.
  const nationalFilters = analyticsFilters(state, "national");
  const [nationalProfile, peerProfile, nationalTrends, nationalMatrix, nationalMix] = await Promise.all([
    getFactorProfile(source, nationalFilters, viewer, privacy),
    getFactorProfile(source, analyticsFilters(state, "peer"), viewer, privacy),
    getTrends(source, nationalFilters, viewer, privacy),
    getIncidentFactorMatrix(source, nationalFilters, viewer, privacy),
    getLossPotentialMix(source, nationalFilters, viewer, privacy),
  ]);
  const top = topFactors(nationalProfile, HEATMAP_FACTORS);
  const reason = profile.meta.gates.agency.reason;
  return {
    kind: "agency", ...common, open: false, closedReason: reason ? suppressionLabels[reason] : null,
    headline: buildHeadline(trends, profile.subjectReports, national, state.compare, []),
    profile: buildPairedProfile(nationalProfile, peerProfile.meta.gates.peer.open ? peerProfile : null),
    trends: buildTrends(nationalTrends, top.slice(0, TREND_FACTORS)),
    heatmap: buildHeatmap(nationalMatrix, top),
    lossMix: buildLossMix(nationalMix, top.slice(0, LOSS_FACTORS)),
    emerging: buildEmerging(emerging, EMERGING_ROWS),
    lessons: await lessonsFor(context.db, top.slice(0, LESSON_FACTORS), state),
  };
}
