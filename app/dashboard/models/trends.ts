import { trendOption } from "~/charts/trend-lines";
import { libraryHref, quarterMonths } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { trendColumnSpecs, type TrendTableRow } from "../tables/column-specs";
import type { Count, PeriodInfo, TrendFactor, TrendView } from "../view-types";

export const NATIONAL_TOTALS_LABEL = "National";

export function trendPanel(
  factor: TrendFactor,
  trends: TrendView,
  state: DashboardState,
  period: PeriodInfo,
): PanelModel {
  const hrefs = trends.quarters.map((q) => libraryHref(state, period, { factor: factor.factor, ...quarterMonths(q) }));
  const title = `${factor.label}: share of reports by quarter`;
  const rows: TrendTableRow[] = trends.quarters.map((q, i) => ({
    bin: q,
    subject: factor.subject[i] ?? null,
    subjectCount: factor.subjectCounts[i] ?? null,
    reference: factor.reference[i] ?? null,
    href: hrefs[i]!,
  }));
  return {
    id: `trend-${factor.factor}`,
    title,
    units:
      `% of reports citing it per quarter, ${trends.subjectLabel.toLowerCase()}` +
      (trends.referenceLabel ? ` and ${trends.referenceLabel.toLowerCase()} (dashed)` : ""),
    chart:
      trends.quarters.length === 0
        ? null
        : {
            option: trendOption({
              bins: trends.quarters,
              unit: "share",
              hrefs,
              lines: [
                { name: trends.subjectLabel, values: factor.subject },
                ...(trends.referenceLabel
                  ? [{ name: trends.referenceLabel, values: factor.reference, dashed: true }]
                  : []),
              ],
              description:
                `Quarterly share of reports citing ${factor.label}: ${trends.subjectLabel}` +
                (trends.referenceLabel ? ` and ${trends.referenceLabel}` : "") +
                ".",
            }),
            height: 260,
            label: title,
          },
    emptyChart: "The period holds no whole quarter.",
    tables: [
      table({
        id: `trend-${factor.factor}`,
        caption: `${factor.label} by quarter`,
        columns: trendColumnSpecs("Quarter", trends.subjectLabel, trends.referenceLabel, "share"),
        rows,
        rowId: (r) => r.bin,
      }),
    ],
  };
}

export function totalsPanel(
  totals: { months: string[]; counts: Count[] },
  state: DashboardState,
  period: PeriodInfo,
  label: string,
): PanelModel {
  const hrefs = totals.months.map((m) => libraryHref(state, period, { from: m, to: m }));
  const rows: TrendTableRow[] = totals.months.map((m, i) => ({
    bin: m,
    subject: totals.counts[i] ?? null,
    subjectCount: null,
    reference: null,
    href: hrefs[i]!,
  }));
  return {
    id: "totals",
    title: "Reports per month",
    units: "reports shared, by event month (counts of voluntary reports, not of incidents)",
    wide: true,
    chart:
      totals.months.length === 0
        ? null
        : {
            option: trendOption({
              bins: totals.months,
              unit: "count",
              hrefs,
              lines: [{ name: label, values: totals.counts }],
              description: `Reports per month (${label}).`,
            }),
            height: 260,
            label: "Reports per month",
          },
    emptyChart: "No months in this period.",
    tables: [
      table({
        id: "totals",
        caption: "Reports per month",
        columns: trendColumnSpecs("Month", label, null, "count"),
        rows,
        rowId: (r) => r.bin,
      }),
    ],
  };
}
