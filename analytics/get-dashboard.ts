import type { AnalyticsFilters } from "./filters";
import { getEmergingRisks, type EmergingRisksResult } from "./get-emerging-risks";
import { getFactorCooccurrence, type FactorCooccurrenceResult } from "./get-factor-cooccurrence";
import { getFactorProfile, type FactorProfileResult } from "./get-factor-profile";
import { getFunnel, type FunnelResult } from "./get-funnel";
import { getIncidentFactorMatrix, type IncidentFactorMatrixResult } from "./get-incident-factor-matrix";
import { getLossPotentialMix, type LossPotentialMixResult } from "./get-loss-potential-mix";
import { getTrends, type TrendsResult } from "./get-trends";
import type { PrivacyRules } from "./privacy/rules";
import { AnalyticsSource, type AnalyticsDb, sourceOf } from "./source";
import type { Viewer } from "./viewer";

export interface DashboardResult {
  factorProfile: FactorProfileResult;
  trends: TrendsResult;
  incidentFactorMatrix: IncidentFactorMatrixResult;
  cooccurrence: FactorCooccurrenceResult;
  lossPotentialMix: LossPotentialMixResult;
  /** Null unless programme staff (funnel plots compare named agencies). */
  funnel: FunnelResult | null;
  emergingRisks: EmergingRisksResult;
}

/**
 * Every measure of one dashboard for one filter state, sharing their queries through one source. An
 * agency member's dashboard uses the filters' scope (agency by default in the app); the national view
 * adds the funnel of every agency.
 */
export async function getDashboard(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<DashboardResult> {
  const source: AnalyticsSource = sourceOf(db);
  const [factorProfile, trends, incidentFactorMatrix, cooccurrence, lossPotentialMix, funnel, emergingRisks] =
    await Promise.all([
      getFactorProfile(source, filters, viewer, privacy),
      getTrends(source, filters, viewer, privacy),
      getIncidentFactorMatrix(source, filters, viewer, privacy),
      getFactorCooccurrence(source, filters, viewer, privacy),
      getLossPotentialMix(source, filters, viewer, privacy),
      viewer.kind === "national" ? getFunnel(source, filters, viewer, privacy) : null,
      getEmergingRisks(source, filters, viewer, privacy),
    ]);
  return { factorProfile, trends, incidentFactorMatrix, cooccurrence, lossPotentialMix, funnel, emergingRisks };
}
