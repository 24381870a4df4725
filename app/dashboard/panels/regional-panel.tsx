import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { groupedBarsHeight, groupedBarsOption } from "~/charts/grouped-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { regionColumns, type RegionTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { PeriodInfo, RegionalView } from "../view-types";

export function RegionalPanel(props: { regional: RegionalView; state: DashboardState; period: PeriodInfo }) {
  const { regional, state, period } = props;
  const rows: RegionTableRow[] = regional.rows.map((r) => ({
    ...r, hrefs: regional.factors.map((f) => libraryHref({ ...state, region: undefined }, period, { factor: f.code, region: r.region })),
  }));
  const option = useMemo(() => groupedBarsOption({
    items: regional.factors,
    groups: rows.map((r) => ({ name: r.label, shares: r.shares, hrefs: r.hrefs })),
    description: "Share of reports citing each of the most cited factors, by census region.",
  }), [regional, state, period]);
  return (
    <ChartPanel
      id="regional"
      title="Regional comparison of the most cited factors"
      units="% of each census region's reports citing the factor (the region filter does not apply here)"
      period={period}
      chart={regional.factors.length === 0 ? <EmptyChart>No reports match these filters.</EmptyChart> : <Chart option={option} height={groupedBarsHeight(regional.factors.length, rows.length)} label="Regional comparison" />}
      table={<StaticTable columns={regionColumns(regional.factors)} data={rows} caption="Regional comparison" getRowId={(r) => r.region} />}
    />
  );
}
