import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { rankedBarsHeight, rankedBarsOption } from "~/charts/ranked-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { emergingColumns, type EmergingTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { EmergingView, PeriodInfo } from "../view-types";

export function EmergingPanel(props: { emerging: EmergingView; state: DashboardState; period: PeriodInfo }) {
  const { emerging, state, period } = props;
  const rows: EmergingTableRow[] = emerging.rows.map((r) => ({
    ...r,
    href: libraryHref(state, period, {
      ...(r.dimension === "factor" ? { factor: r.code } : { incidentType: r.code }),
      ...(r.area === "national" ? {} : { region: r.area }),
      from: r.from, to: r.to,
    }),
  }));
  const option = useMemo(() => rankedBarsOption({
    bars: rows.map((r) => ({
      label: `${r.area === "national" ? "National" : r.areaLabel}: ${r.label}`,
      value: r.ratio ?? 0,
      strong: r.significant,
      note: `q = ${r.qValue < 0.001 ? "<0.001" : r.qValue.toFixed(3)}`,
      href: r.href,
    })),
    axisName: "Share of reports ÷ previous 24 months",
    baseline: 1,
    baselineLabel: "No change (1×)",
    strongLabel: "Significant (q ≤ 5%)",
    weakLabel: "Alert level crossed, not significant",
    description: "Emerging risks: series whose share of reports crossed its alert level, as the ratio of the latest three months' share to the previous 24 months'.",
  }), [emerging, state, period]);
  return (
    <ChartPanel
      id="emerging"
      title="Emerging national and regional risks"
      units={`latest 3 months' share of reports ÷ the previous 24 months' (${emerging.tests.toLocaleString("en-US")} series tested)`}
      period={period}
      chart={rows.length === 0 ? <EmptyChart>No series crossed its alert level in the last three months of this period.</EmptyChart> : <Chart option={option} height={rankedBarsHeight(rows.length)} label="Emerging risks" />}
      notes={<p>{emerging.note} Alert levels: mean + 1, 2, 3 standard deviations of the previous 12–24 months; q-values control false discoveries at {Math.round(emerging.falseDiscoveryRate * 100)}%.</p>}
      table={<StaticTable columns={emergingColumns} data={rows} caption="Emerging risks" getRowId={(r) => `${r.area}-${r.dimension}-${r.code}`} empty={<p>None in this period.</p>} />}
    />
  );
}
