import { censusRegions, factors, incidentTypes } from "../domain/taxonomy/index";
import { type AnalyticsFilters, type ResolvedFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta } from "./measure-meta";
import { monthLabel, monthsOf } from "../domain/period";
import type { PrivacyRules } from "./privacy/rules";
import { monthlyFactors, monthlyReports } from "./queries/slices";
import { type AnalyticsDb, type AnalyticsSource, latestMonth, nationalOnce, sourceOf } from "./source";
import { ALERT_BASELINE_MONTHS, alertLevels } from "./stats/alert-levels";
import { benjaminiHochberg } from "./stats/benjamini-hochberg";
import { binomialUpperTail } from "./stats/distributions";
import type { Viewer } from "./viewer";

/** Months at the end of the window that are tested (a quarter's worth). */
export const EVALUATION_MONTHS = 3;
/** False-discovery rate for the Benjamini-Hochberg step. */
export const FALSE_DISCOVERY_RATE = 0.05;

export interface EmergingMonth {
  month: string;
  count: number;
  share: number | null;
  level1: number | null;
  level2: number | null;
  level3: number | null;
  above: 0 | 1 | 2 | 3 | null;
  triggered: boolean;
}

export interface EmergingRisk {
  /** "national" or a census region code. */
  area: string;
  areaLabel: string;
  dimension: "factor" | "incident_type";
  code: string;
  label: string;
  evaluation: { from: string; to: string; count: number; reports: number; share: number | null };
  /** Pooled share over the 24 months before the evaluation months. */
  baselineShare: number | null;
  /** Evaluation share ÷ baseline share. */
  ratio: number | null;
  /** One-sided exact binomial test of the evaluation count against the baseline share. */
  pValue: number;
  /** Benjamini-Hochberg adjusted p-value over every series tested. */
  qValue: number;
  /** q ≤ 5%: unlikely to be one of the false alarms that many tests produce. */
  significant: boolean;
  /** The ICAO alert trigger fired in an evaluation month. */
  triggered: boolean;
  highestLevel: 0 | 1 | 2 | 3;
  months: EmergingMonth[];
}

export interface EmergingRisksResult {
  meta: MeasureMeta;
  /** Series tested (the m of Benjamini-Hochberg). */
  tests: number;
  falseDiscoveryRate: number;
  /** Series crossing their alert level in the evaluation months, most convincing first. */
  risks: EmergingRisk[];
}

interface Series {
  area: string;
  areaLabel: string;
  dimension: "factor" | "incident_type";
  code: string;
  label: string;
  counts: number[];
  totals: number[];
}

/**
 * Emerging risks: every national and regional series (each factor and incident type, as a share of
 * reports) is checked in the window's last three months against its alert level (mean + 1/2/3 SD of the
 * previous 12–24 months, ICAO Doc 9859) and tested against its baseline share with a one-sided exact
 * binomial test; Benjamini-Hochberg keeps the false discoveries among these hundreds of tests at 5%.
 * Built on published fields only (event month, census region, incident type, factors), so it needs no
 * suppression and reads the same for every viewer.
 */
export async function getEmergingRisks(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  _viewer: Viewer,
  privacy: PrivacyRules,
): Promise<EmergingRisksResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters({ ...filters, scope: "national" }, await latestMonth(source));
  // The same for every viewer until the rollups change: computed once per rollup version and filter state.
  return nationalOnce(source, `emerging-risks:${JSON.stringify(resolved)}:${JSON.stringify(privacy)}`, () =>
    computeEmergingRisks(source, resolved, privacy),
  );
}

async function computeEmergingRisks(
  source: AnalyticsSource,
  resolved: ResolvedFilters,
  privacy: PrivacyRules,
): Promise<EmergingRisksResult> {
  const to = resolved.window.to;
  const evaluationFrom = to - EVALUATION_MONTHS + 1;
  const range = { from: evaluationFrom - ALERT_BASELINE_MONTHS, to };
  const all = { kind: "all" as const };
  const [byIncident, byFactor] = await Promise.all([
    monthlyReports(source, all, resolved),
    monthlyFactors(source, all, resolved),
  ]);
  const months = monthsOf(range);
  const slot = (month: number) => month - range.from;
  // With a region filter the "national" series would repeat the region's: the region alone is tested.
  const areas = resolved.censusRegion
    ? censusRegions.filter((r) => r.code === resolved.censusRegion)
    : [{ code: "national", label: "National" }, ...censusRegions];
  const areaIndex = new Map(areas.map((a, i) => [a.code, i]));
  const zero = () => new Array<number>(months.length).fill(0);
  const denominators = areas.map(zero);
  // Each row counts toward the nation (area 0) and its own region (when shown).
  const regionArea = (code: string | undefined) => (code === undefined ? -1 : (areaIndex.get(code) ?? -1));
  const inRange = (month: number) => month >= range.from && month <= range.to;
  for (const r of byIncident) {
    if (!inRange(r.month!)) continue;
    const o = slot(r.month!);
    denominators[0]![o]! += r.reports;
    const a = regionArea(r.census_region);
    if (a > 0) denominators[a]![o]! += r.reports;
  }
  // series[area][dimension] maps a code to its counts.
  const series = areas.map((area, a): Record<Series["dimension"], Map<string, Series>> => ({
    factor: new Map(
      factors.map((f): [string, Series] => [
        f.code,
        {
          area: area.code,
          areaLabel: area.label,
          dimension: "factor" as const,
          code: f.code,
          label: f.label,
          counts: zero(),
          totals: denominators[a]!,
        },
      ]),
    ),
    incident_type: new Map(
      incidentTypes.map((t): [string, Series] => [
        t.code,
        {
          area: area.code,
          areaLabel: area.label,
          dimension: "incident_type" as const,
          code: t.code,
          label: t.label,
          counts: zero(),
          totals: denominators[a]!,
        },
      ]),
    ),
  }));
  const add = (dimension: "factor" | "incident_type", code: string, region: string, month: number, reports: number) => {
    if (!inRange(month)) return;
    const o = slot(month);
    series[0]![dimension].get(code)!.counts[o]! += reports;
    const a = regionArea(region);
    if (a > 0) series[a]![dimension].get(code)!.counts[o]! += reports;
  };
  for (const r of byFactor) add("factor", r.factor_code!, r.census_region!, r.month!, r.reports);
  for (const r of byIncident) add("incident_type", r.incident_type!, r.census_region!, r.month!, r.reports);
  const allSeries: Series[] = series.flatMap((s) => [...s.factor.values(), ...s.incident_type.values()]);

  const evaluated: Omit<EmergingRisk, "qValue" | "significant">[] = [];
  const baselineEnd = evaluationFrom - range.from;
  for (const s of allSeries) {
    const shares = s.counts.map((c, i) => (s.totals[i]! > 0 ? c / s.totals[i]! : null));
    const sum = (list: number[], from: number, to?: number) => list.slice(from, to).reduce((a, b) => a + b, 0);
    const baseTotal = sum(s.totals, 0, baselineEnd);
    const evalTotal = sum(s.totals, baselineEnd);
    if (baseTotal === 0 || evalTotal === 0) continue;
    const baselineShare = sum(s.counts, 0, baselineEnd) / baseTotal;
    const evalCount = sum(s.counts, baselineEnd);
    const alerts = alertLevels(shares);
    const evalMonths: EmergingMonth[] = months.slice(baselineEnd).map((m, j) => {
      const i = baselineEnd + j;
      const a = alerts[i]!;
      return {
        month: monthLabel(m),
        count: s.counts[i]!,
        share: shares[i]!,
        level1: a.levels?.level1 ?? null,
        level2: a.levels?.level2 ?? null,
        level3: a.levels?.level3 ?? null,
        above: a.above,
        triggered: a.triggered,
      };
    });
    const evalShare = evalCount / evalTotal;
    evaluated.push({
      area: s.area,
      areaLabel: s.areaLabel,
      dimension: s.dimension,
      code: s.code,
      label: s.label,
      evaluation: {
        from: monthLabel(evaluationFrom),
        to: monthLabel(to),
        count: evalCount,
        reports: evalTotal,
        share: evalShare,
      },
      baselineShare,
      ratio: baselineShare > 0 ? evalShare / baselineShare : null,
      pValue: binomialUpperTail(evalCount, evalTotal, baselineShare),
      triggered: evalMonths.some((m) => m.triggered),
      highestLevel: Math.max(0, ...evalMonths.map((m) => m.above ?? 0)) as 0 | 1 | 2 | 3,
      months: evalMonths,
    });
  }
  const q = benjaminiHochberg(evaluated.map((e) => e.pValue));
  const risks = evaluated
    .map((e, i) => ({ ...e, qValue: q[i]!, significant: q[i]! <= FALSE_DISCOVERY_RATE }))
    .filter((e) => e.triggered)
    .sort(
      (x, y) => Number(y.significant) - Number(x.significant) || x.qValue - y.qValue || (y.ratio ?? 0) - (x.ratio ?? 0),
    );
  return {
    meta: measureMeta(
      {
        measure: "emerging_risks",
        title: "Emerging risks",
        description:
          "National and regional series whose share of reports crossed its alert level in the last three months, " +
          "ranked by the evidence (Benjamini-Hochberg q-value).",
      },
      resolved,
      { subject: { label: { kind: "national", label: "National and regional series" } }, reference: null },
      null,
      privacy,
    ),
    tests: evaluated.length,
    falseDiscoveryRate: FALSE_DISCOVERY_RATE,
    risks,
  };
}
