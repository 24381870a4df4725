// Pure functions from analytics results to what a dashboard page shows. They copy released figures
// (numbers or Suppressed values) and never look behind a Suppressed value; the few figures they derive
// (changes between released counts, the choice of top factors) use released numbers only.
import type { EmergingRisksResult } from "../../analytics/get-emerging-risks";
import type { FactorCooccurrenceResult } from "../../analytics/get-factor-cooccurrence";
import type { FactorProfileResult } from "../../analytics/get-factor-profile";
import type { FunnelResult } from "../../analytics/get-funnel";
import type { IncidentFactorMatrixResult } from "../../analytics/get-incident-factor-matrix";
import type { LossPotentialMixResult } from "../../analytics/get-loss-potential-mix";
import type { TrendSeries, TrendsResult } from "../../analytics/get-trends";
import { type Count, isSuppressed, type Share, suppressed } from "../../domain/figures";
import { shareDifference } from "../../analytics/stats/share-difference";
import { labels, lossPotentials } from "../../domain/taxonomy/index";
import type { CompareGrain } from "./filter-schema";
import { periodsOverlap } from "./period-compare";
import type {
  CooccurrenceView,
  EmergingRow,
  EmergingView,
  FunnelView,
  Headline,
  HeadlineComparison,
  HeatmapView,
  LossMixView,
  ProfileRow,
  PeriodProfileRow,
  PeriodProfileView,
  ProfileView,
  TrendView,
} from "./view-types";

const released = (c: Count): number | null => (typeof c === "number" ? c : null);

/** Factor codes by released count, largest first (withheld counts never rank). */
export function topFactors(
  profile: FactorProfileResult,
  limit: number,
  side: "subject" | "reference" = "subject",
): string[] {
  return profile.rows
    .map((r) => ({ code: r.factor, n: released(side === "subject" ? r.subject.count : (r.reference?.count ?? 0)) }))
    .filter((r): r is { code: string; n: number } => r.n !== null && r.n > 0)
    .sort((x, y) => y.n - x.n || (x.code < y.code ? -1 : 1))
    .slice(0, limit)
    .map((r) => r.code);
}

function change(latest: Count, earlier: Count): number | ReturnType<typeof suppressed> | null {
  if (typeof latest !== "number" || typeof earlier !== "number") return suppressed("derived");
  return earlier === 0 ? null : (latest - earlier) / earlier;
}

function comparison(label: string, count: Count, latest: Count): HeadlineComparison {
  return { label, count, change: change(latest, count) };
}

/**
 * The headline: the period's reports, and the latest month or quarter of the period against the one
 * before and the same one a year earlier (or the latest 12 months against the 12 before), all read from
 * the released total series of the same dashboard — no figure the other panels do not already release.
 */
export function buildHeadline(
  trends: TrendsResult,
  periodReports: Count,
  nationalReports: number | null,
  grain: CompareGrain,
  flagged: string[],
): Headline {
  const total = trends.series.find((s) => s.population === "subject" && s.dimension === "total");
  const base = {
    periodReports,
    nationalReports,
    grain,
    flagged,
    periodLabel: `${trends.meta.window.from} to ${trends.meta.window.to}`,
  };
  if (!total) return { ...base, latest: null, previous: null, lastYear: null };
  if (grain === "year") {
    const yoy = total.yearOverYear;
    if (!yoy) return { ...base, latest: null, previous: null, lastYear: null };
    return {
      ...base,
      latest: { label: "Latest 12 months", count: yoy.current },
      previous: comparison("12 months before", yoy.previous, yoy.current),
      lastYear: null,
    };
  }
  const bins: { label: string; count: Count }[] =
    grain === "quarter"
      ? total.quarterly.map((q) => ({ label: q.quarter, count: q.count }))
      : total.monthly.map((m) => ({ label: m.month, count: m.count }));
  const yearBack = grain === "quarter" ? 4 : 12;
  const latest = bins.at(-1) ?? null;
  if (!latest) return { ...base, latest: null, previous: null, lastYear: null };
  const previous = bins.at(-2);
  const lastYear = bins.length > yearBack ? bins[bins.length - 1 - yearBack] : undefined;
  return {
    ...base,
    latest,
    previous: previous ? comparison(previous.label, previous.count, latest.count) : null,
    lastYear: lastYear ? comparison(lastYear.label, lastYear.count, latest.count) : null,
  };
}

function prrOf(row: FactorProfileResult["rows"][number]): ProfileRow["prr"] {
  if (row.prr === null) return null;
  if (isSuppressed(row.prr)) return row.prr;
  return { prr: row.prr.prr, lower: row.prr.lower, upper: row.prr.upper, flagged: row.prr.flagged };
}

/** Subject against reference, as the profile measure released them. */
export function buildProfile(profile: FactorProfileResult): ProfileView {
  return {
    aLabel: profile.meta.subject.label,
    bLabel: profile.meta.reference?.label ?? null,
    aReports: profile.subjectReports,
    bReports: profile.referenceReports,
    rows: profile.rows.map((r) => ({
      factor: r.factor,
      label: r.label,
      family: r.familyLabel,
      a: { count: r.subject.count, share: r.subject.share },
      b: r.reference ? { count: r.reference.count, share: r.reference.share } : null,
      prr: prrOf(r),
    })),
  };
}

function differenceOf(a: Share | null, b: Share | null): PeriodProfileRow["difference"] {
  if (a === null || b === null) return null;
  if (isSuppressed(a) || isSuppressed(b)) return suppressed("derived");
  return shareDifference(a, b);
}

/**
 * One population's profile in two periods side by side (A: the page's period, B: the comparison), each
 * as the profile measure released it; the difference is A − B, from released shares only.
 */
export function buildPeriodProfile(a: FactorProfileResult, b: FactorProfileResult): PeriodProfileView {
  const side = (p: FactorProfileResult) => ({
    ...p.meta.window,
    label: `${p.meta.window.from} to ${p.meta.window.to}`,
    reports: p.subjectReports,
  });
  const bRows = new Map(b.rows.map((r) => [r.factor, r]));
  const rows = a.rows.map((r): PeriodProfileRow => {
    const other = bRows.get(r.factor)!;
    return {
      factor: r.factor,
      label: r.label,
      family: r.familyLabel,
      a: { count: r.subject.count, share: r.subject.share },
      b: { count: other.subject.count, share: other.subject.share },
      difference: differenceOf(r.subject.share, other.subject.share),
    };
  });
  return { a: side(a), b: side(b), overlap: periodsOverlap(a.meta.window, b.meta.window), rows };
}

/**
 * Two profiles of different populations side by side (the national view next to the peer group, for an
 * agency below the minimum): A is the first profile's subject, B the second's reference.
 */
export function buildPairedProfile(a: FactorProfileResult, b: FactorProfileResult | null): ProfileView {
  const bRows = new Map(b?.rows.map((r) => [r.factor, r]) ?? []);
  return {
    aLabel: a.meta.subject.label,
    bLabel: b?.meta.reference?.label ?? null,
    aReports: a.subjectReports,
    bReports: b ? b.referenceReports : null,
    rows: a.rows.map((r) => {
      const other = bRows.get(r.factor)?.reference ?? null;
      return {
        factor: r.factor,
        label: r.label,
        family: r.familyLabel,
        a: { count: r.subject.count, share: r.subject.share },
        b: other ? { count: other.count, share: other.share } : null,
        prr: null,
      };
    }),
  };
}

function seriesOf(trends: TrendsResult, population: TrendSeries["population"], code: string): TrendSeries | undefined {
  return trends.series.find((s) => s.population === population && s.dimension === "factor" && s.code === code);
}

/** Quarterly shares of the chosen factors for the subject and its comparison line. */
export function buildTrends(trends: TrendsResult, factorCodes: string[]): TrendView {
  return {
    subjectLabel: trends.meta.subject.label,
    referenceLabel: trends.meta.reference?.label ?? null,
    quarters: trends.quarters,
    factors: factorCodes.map((code) => {
      const subject = seriesOf(trends, "subject", code);
      const reference = seriesOf(trends, "reference", code);
      return {
        factor: code,
        label: labels.factor(code),
        subject: subject?.quarterly.map((q) => q.share) ?? [],
        subjectCounts: subject?.quarterly.map((q) => q.count) ?? [],
        reference: reference?.quarterly.map((q) => q.share) ?? [],
        yearOverYear: subject?.yearOverYear ?? null,
      };
    }),
  };
}

/** Monthly totals of the subject (for the national view: public counts). */
export function buildTotals(trends: TrendsResult): { months: string[]; counts: Count[] } {
  const total = trends.series.find((s) => s.population === "subject" && s.dimension === "total");
  return { months: total?.monthly.map((m) => m.month) ?? [], counts: total?.monthly.map((m) => m.count) ?? [] };
}

/**
 * Incident type × factor for the chosen factors. Rows: incident types with reports or withheld counts
 * (a released zero row says nothing and is left out).
 */
export function buildHeatmap(matrix: IncidentFactorMatrixResult, factorCodes: string[]): HeatmapView {
  return {
    label: matrix.meta.subject.label,
    factors: factorCodes.map((code) => ({ code, label: labels.factor(code) })),
    rows: matrix.rows
      .filter((r) => r.reports !== 0)
      .map((r) => ({
        code: r.incidentType,
        label: r.label,
        reports: r.reports,
        cells: factorCodes.map((code) => {
          const cell = r.cells.find((c) => c.factor === code);
          return { count: cell?.count ?? 0, share: cell?.rowShare ?? null };
        }),
      })),
  };
}

/** All reports and the chosen factors, split by loss potential, next to the national mix. */
export function buildLossMix(mix: LossPotentialMixResult, factorCodes: string[]): LossMixView {
  const wanted = [null, ...factorCodes];
  const shares = (m: { mix: { share: Share | null }[] }) => m.mix.map((x) => x.share);
  return {
    aLabel: mix.meta.subject.label,
    bLabel: mix.meta.reference?.label ?? null,
    categories: lossPotentials.map((l) => ({ code: l.code, label: l.label })),
    rows: wanted.flatMap((code) => {
      const row = mix.rows.find((r) => r.factor === code);
      if (!row) return [];
      return [
        {
          factor: row.factor,
          label: row.label,
          a: { reports: row.subject.reports, shares: shares(row.subject) },
          b: row.reference ? { reports: row.reference.reports, shares: shares(row.reference) } : null,
        },
      ];
    }),
  };
}

function emergingRow(r: EmergingRisksResult["risks"][number]): EmergingRow {
  return {
    area: r.area,
    areaLabel: r.areaLabel,
    dimension: r.dimension,
    code: r.code,
    label: r.label,
    from: r.evaluation.from,
    to: r.evaluation.to,
    share: r.evaluation.share,
    baselineShare: r.baselineShare,
    ratio: r.ratio,
    qValue: r.qValue,
    significant: r.significant,
    highestLevel: r.highestLevel,
  };
}

/**
 * Emerging national and regional risks; for an agency, those about incident types and factors that its
 * own released figures show it reports (a withheld count never decides relevance).
 */
export function buildEmerging(
  risks: EmergingRisksResult,
  limit: number,
  relevant?: { incidentTypes: Set<string>; factors: Set<string> },
): EmergingView {
  const rows = risks.risks
    .filter(
      (r) => !relevant || (r.dimension === "incident_type" ? relevant.incidentTypes : relevant.factors).has(r.code),
    )
    .slice(0, limit)
    .map(emergingRow);
  return {
    tests: risks.tests,
    falseDiscoveryRate: risks.falseDiscoveryRate,
    rows,
    note: relevant
      ? "National and regional series that crossed their alert level in the last three months of the period, " +
        "about incident types and factors in your agency's own reports."
      : "National and regional series that crossed their alert level in the last three months of the period.",
  };
}

/** The funnel of one factor with anonymous dots: no agency id or name leaves the server. */
export function buildFunnel(funnel: FunnelResult, factor: string): FunnelView | null {
  const f = funnel.factors.find((x) => x.factor === factor);
  if (!f) return null;
  const points: FunnelView["points"] = [];
  let withheld = 0;
  for (const p of f.points) {
    const n = funnel.agencies[p.agency]?.reports;
    if (typeof n !== "number" || typeof p.share !== "number" || typeof p.position !== "string") withheld++;
    else points.push({ n, share: p.share, position: p.position });
  }
  // Sorted by size: the order of the analytics result (by agency) must not carry over.
  points.sort((x, y) => x.n - y.n || x.share - y.share);
  return {
    factor,
    label: f.label,
    nationalShare: f.nationalShare,
    curve: f.curve,
    points,
    withheld,
    agencies: f.points.length,
  };
}

/** The most frequent pairs of factors cited together (released counts first). */
export function buildCooccurrence(result: FactorCooccurrenceResult, limit: number): CooccurrenceView {
  return {
    label: result.meta.subject.label,
    pairs: result.pairs.slice(0, limit).map((p) => ({
      a: p.factorA,
      aLabel: p.labelA,
      b: p.factorB,
      bLabel: p.labelB,
      count: p.count,
      share: p.share,
      lift: p.lift,
    })),
  };
}
