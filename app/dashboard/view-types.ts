// What a dashboard page receives: only the released (already suppressed) aggregates it shows, shaped for
// charts and tables. Browser-safe types. A withheld figure stays a Suppressed value all the way to the
// screen: never zero, never the hidden number.
import type { Count, Share, Suppressed } from "../../domain/figures";
import type { FactorMatrix } from "../../analytics/agency-book/get-book-matrix";
import type { CompareGrain, DashboardState } from "./filter-schema";

export type { Count, Share, Suppressed };

export interface PeriodInfo {
  from: string;
  to: string;
  months: number;
}

export interface PrivacyInfo {
  k: number;
  agencyMinReports: number;
}

/** One comparison of the headline strip: the latest bin against an earlier one. */
export interface HeadlineComparison {
  label: string;
  count: Count;
  /** Relative change from this bin to the latest, or withheld when either count is. */
  change: number | Suppressed | null;
}

export interface Headline {
  /** Reports of the subject in the whole period. */
  periodReports: Count;
  periodLabel: string;
  /** National reports in the same period (public). */
  nationalReports: number | null;
  grain: CompareGrain;
  latest: { label: string; count: Count } | null;
  previous: HeadlineComparison | null;
  lastYear: HeadlineComparison | null;
  /** Factors whose share is flagged against the reference (PRR rule), labels. */
  flagged: string[];
}

export interface ShareFigures {
  count: Count;
  share: Share | null;
}

export interface ProfileRow {
  factor: string;
  label: string;
  family: string;
  a: ShareFigures;
  b: ShareFigures | null;
  prr: { prr: number; lower: number; upper: number; flagged: boolean } | Suppressed | null;
}

/** Two populations' factor shares side by side (agency and reference, or nation and peers). */
export interface ProfileView {
  aLabel: string;
  bLabel: string | null;
  aReports: Count;
  bReports: Count | null;
  rows: ProfileRow[];
}

export interface TrendFactor {
  factor: string;
  label: string;
  /** Quarterly shares of the subject (agency), aligned with TrendView.quarters. */
  subject: (Share | null)[];
  subjectCounts: Count[];
  /** Quarterly shares of the comparison line (public national shares, or peers). */
  reference: (Share | null)[];
  /** Latest 12 months against the 12 before, for the subject. */
  yearOverYear: { current: Count; previous: Count; change: number | Suppressed | null } | null;
}

export interface TrendView {
  subjectLabel: string;
  referenceLabel: string | null;
  quarters: string[];
  factors: TrendFactor[];
}

export interface HeatmapView extends FactorMatrix {
  label: string;
}

export interface LossMixView {
  aLabel: string;
  bLabel: string | null;
  categories: { code: string; label: string }[];
  rows: {
    factor: string | null;
    label: string;
    a: { reports: Count; shares: (Share | null)[] };
    b: { reports: Count; shares: (Share | null)[] } | null;
  }[];
}

export interface EmergingRow {
  area: string;
  areaLabel: string;
  dimension: "factor" | "incident_type";
  code: string;
  label: string;
  from: string;
  to: string;
  share: number | null;
  baselineShare: number | null;
  ratio: number | null;
  qValue: number;
  significant: boolean;
  highestLevel: 0 | 1 | 2 | 3;
}

export interface EmergingView {
  tests: number;
  falseDiscoveryRate: number;
  rows: EmergingRow[];
  /** How rows were chosen (e.g. relevant to the agency's incident mix). */
  note: string;
}

export interface LessonRow {
  publicNumber: string;
  title: string;
  incidentType: string;
  lossPotential: string;
  eventMonth: string;
}

export interface LessonsView {
  factors: { code: string; label: string }[];
  reports: LessonRow[];
  moreHref: string;
}

/** Funnel plot of agencies: anonymous dots (no id, no name), limits around the national share. */
export interface FunnelView {
  factor: string;
  label: string;
  nationalShare: number | null;
  curve: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  /** [reports, share, position] per agency whose figures are released, in no meaningful order. */
  points: { n: number; share: number; position: string }[];
  withheld: number;
  agencies: number;
}

export interface RegionRow {
  region: string;
  label: string;
  reports: number;
  shares: (Share | null)[];
}

export interface RegionalView {
  factors: { code: string; label: string }[];
  rows: RegionRow[];
}

export interface PairRow {
  a: string;
  aLabel: string;
  b: string;
  bLabel: string;
  count: Count;
  share: Share | null;
  lift: number | Suppressed | null;
}

export interface CooccurrenceView {
  label: string;
  pairs: PairRow[];
}

/** Share A minus share B, with its 95% interval (fractions; Newcombe's hybrid score interval). */
export interface ShareDifferenceFigure {
  difference: number;
  lower: number;
  upper: number;
}

export interface PeriodProfileRow {
  factor: string;
  label: string;
  family: string;
  a: ShareFigures;
  b: ShareFigures;
  /** Withheld when either share is; null when either period has no reports. */
  difference: ShareDifferenceFigure | Suppressed | null;
}

/** The national factor profile of two periods side by side: the page's period (A) and the comparison (B). */
export interface PeriodProfileView {
  a: PeriodInfo & { label: string; reports: Count };
  b: PeriodInfo & { label: string; reports: Count };
  /** The periods share months: the difference's interval is then conservative. */
  overlap: boolean;
  rows: PeriodProfileRow[];
}

export interface DashboardCommon {
  state: DashboardState;
  period: PeriodInfo;
  privacy: PrivacyInfo;
}

export interface NationalDashboardView extends DashboardCommon {
  kind: "national" | "public";
  headline: Headline;
  profile: ProfileView;
  /** The factor profile of the page's period beside the comparison period's (bfrom/bto), when chosen. */
  periods: PeriodProfileView | null;
  trends: TrendView;
  totals: { months: string[]; counts: Count[] };
  emerging: EmergingView;
  funnel: FunnelView | null;
  regional: RegionalView;
  cooccurrence: CooccurrenceView;
  heatmap: HeatmapView;
  lossMix: LossMixView;
}
