import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { changeText, countText } from "~/charts/format";
import { trendOption } from "~/charts/trend-lines";
import { libraryHref, quarterMonths } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { trendColumns, type TrendTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { Count, PeriodInfo, TrendFactor, TrendView } from "../view-types";

function FactorTrend({ factor, trends, state, period }: { factor: TrendFactor; trends: TrendView; state: DashboardState; period: PeriodInfo }) {
  const hrefs = trends.quarters.map((q) => libraryHref(state, period, { factor: factor.factor, ...quarterMonths(q) }));
  const option = useMemo(() => trendOption({
    bins: trends.quarters,
    unit: "share",
    hrefs,
    lines: [
      { name: trends.subjectLabel, values: factor.subject },
      ...(trends.referenceLabel ? [{ name: trends.referenceLabel, values: factor.reference, dashed: true }] : []),
    ],
    description: `Quarterly share of reports citing ${factor.label}: ${trends.subjectLabel}${trends.referenceLabel ? ` and ${trends.referenceLabel}` : ""}.`,
  }), [factor, trends, state, period]);
  const rows: TrendTableRow[] = trends.quarters.map((q, i) => ({
    bin: q, subject: factor.subject[i] ?? null, subjectCount: factor.subjectCounts[i] ?? null, reference: factor.reference[i] ?? null, href: hrefs[i]!,
  }));
  const yoy = factor.yearOverYear;
  return (
    <ChartPanel
      id={`trend-${factor.factor}`}
      title={`${factor.label}: share of reports by quarter`}
      units={`% of reports citing it per quarter, ${trends.subjectLabel.toLowerCase()}${trends.referenceLabel ? ` and ${trends.referenceLabel.toLowerCase()} (dashed)` : ""}`}
      period={period}
      chart={trends.quarters.length === 0 ? <EmptyChart>The period holds no whole quarter.</EmptyChart> : <Chart option={option} height={260} label={`${factor.label}: share of reports by quarter`} />}
      notes={yoy ? <p>Reports citing it in the latest 12 months: {countText(yoy.current)}; in the 12 months before: {countText(yoy.previous)}; change: {changeText(yoy.change)}.</p> : null}
      table={<StaticTable columns={trendColumns("Quarter", trends.subjectLabel, trends.referenceLabel, "share")} data={rows} caption={`${factor.label} by quarter`} getRowId={(r) => r.bin} />}
    />
  );
}

export function TrendPanels(props: { trends: TrendView; state: DashboardState; period: PeriodInfo }) {
  if (props.trends.factors.length === 0) {
    return <section className="panel dash-panel"><h2>Trends of the most cited factors</h2><EmptyChart>No factor has released figures for these filters.</EmptyChart></section>;
  }
  return <>{props.trends.factors.map((f) => <FactorTrend key={f.factor} factor={f} {...props} />)}</>;
}

export function TotalsPanel(props: { totals: { months: string[]; counts: Count[] }; state: DashboardState; period: PeriodInfo; label: string }) {
  const { totals, state, period } = props;
  const hrefs = totals.months.map((m) => libraryHref(state, period, { from: m, to: m }));
  const option = useMemo(() => trendOption({
    bins: totals.months, unit: "count", hrefs, lines: [{ name: props.label, values: totals.counts }],
    description: `Reports per month (${props.label}).`,
  }), [totals, state, period]);
  const rows: TrendTableRow[] = totals.months.map((m, i) => ({ bin: m, subject: totals.counts[i] ?? null, subjectCount: null, reference: null, href: hrefs[i]! }));
  return (
    <ChartPanel
      id="totals"
      title="Reports per month"
      units="reports shared, by event month (counts of voluntary reports, not of incidents)"
      period={period}
      wide
      chart={totals.months.length === 0 ? <EmptyChart>No months in this period.</EmptyChart> : <Chart option={option} height={260} label="Reports per month" />}
      table={<StaticTable columns={trendColumns("Month", props.label, null, "count")} data={rows} caption="Reports per month" getRowId={(r) => r.bin} />}
    />
  );
}
