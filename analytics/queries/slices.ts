import type { ResolvedFilters } from "../filters";
import type { MonthWindow } from "../../domain/period";
import type { AnalyticsSource } from "../source";
import { ALERT_BASELINE_MONTHS } from "../stats/alert-levels";
import { aggregate, type AggregateRow } from "./aggregate";
import { type Population, populationKey } from "./population";

// The few shapes every measure reads, so that one dashboard runs each query once (AnalyticsSource
// memoises them) and measures roll them up in memory.

/** Months a dashboard reads: the window, the 24-month alert baseline and the year before the last 12. */
export function analysisSpan(window: MonthWindow): MonthWindow {
  return { from: Math.min(window.from - ALERT_BASELINE_MONTHS, window.to - 26), to: window.to };
}

const national = (p: Population) => p.kind === "all";

/** Reports by month × incident type over the span (× census region for the national population). */
export function monthlyReports(
  source: AnalyticsSource,
  population: Population,
  filters: ResolvedFilters,
): Promise<AggregateRow[]> {
  return aggregate(source, {
    population,
    filters,
    months: analysisSpan(filters.window),
    perFactor: false,
    groupBy: national(population)
      ? ["event_month", "census_region", "incident_type"]
      : ["event_month", "incident_type"],
  });
}

/** Reports citing each factor by month over the span (× census region for the national population). */
export function monthlyFactors(
  source: AnalyticsSource,
  population: Population,
  filters: ResolvedFilters,
): Promise<AggregateRow[]> {
  return aggregate(source, {
    population,
    filters,
    months: analysisSpan(filters.window),
    perFactor: true,
    groupBy: national(population) ? ["event_month", "census_region"] : ["event_month"],
  });
}

/**
 * Window counts by one coded dimension (per factor or not). An agency's or peer group's come from one
 * incident type × loss potential query shared by the matrix and the loss mix; the nation's from the
 * smallest rollup that holds the dimension.
 */
export async function windowCounts(
  source: AnalyticsSource,
  population: Population,
  filters: ResolvedFilters,
  dimension: "incident_type" | "loss_potential",
  perFactor: boolean,
): Promise<AggregateRow[]> {
  const request = { population, filters, months: filters.window, perFactor };
  if (national(population)) return aggregate(source, { ...request, groupBy: [dimension] });
  return source.once(
    `window-counts:${populationKey(population)}:${dimension}:${perFactor}:${JSON.stringify(filters)}`,
    async () => {
      const rows = await aggregate(source, { ...request, groupBy: ["incident_type", "loss_potential"] });
      const sums = new Map<string, AggregateRow>();
      for (const r of rows) {
        const key = perFactor ? `${r[dimension]}|${r.factor_code}` : r[dimension]!;
        const row = sums.get(key);
        if (row) row.reports += r.reports;
        else
          sums.set(key, {
            [dimension]: r[dimension],
            ...(perFactor ? { factor_code: r.factor_code } : {}),
            reports: r.reports,
          });
      }
      return [...sums.values()];
    },
  );
}

/** Σ reports of the rows whose month lies in the window, by a key (rows without month count as inside). */
export function sumInWindow(
  rows: readonly AggregateRow[],
  window: MonthWindow,
  key: (row: AggregateRow) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.month !== undefined && (r.month < window.from || r.month > window.to)) continue;
    const k = key(r);
    out.set(k, (out.get(k) ?? 0) + r.reports);
  }
  return out;
}

/** The population's reports in the filter window. */
export async function windowTotal(
  source: AnalyticsSource,
  population: Population,
  filters: ResolvedFilters,
): Promise<number> {
  const rows = await monthlyReports(source, population, filters);
  return sumInWindow(rows, filters.window, () => "all").get("all") ?? 0;
}

/** The population's reports citing each factor in the filter window. */
export async function windowFactorTotals(
  source: AnalyticsSource,
  population: Population,
  filters: ResolvedFilters,
): Promise<Map<string, number>> {
  const rows = await monthlyFactors(source, population, filters);
  return sumInWindow(rows, filters.window, (r) => r.factor_code!);
}
