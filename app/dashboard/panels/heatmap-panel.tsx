import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { heatmapHeight, heatmapOption } from "~/charts/heatmap";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { heatmapColumns, type HeatmapTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { HeatmapView, PeriodInfo } from "../view-types";

export function HeatmapPanel(props: { heatmap: HeatmapView; state: DashboardState; period: PeriodInfo }) {
  const { heatmap, state, period } = props;
  const rows: HeatmapTableRow[] = heatmap.rows.map((r) => ({
    code: r.code, label: r.label, reports: r.reports,
    cells: r.cells.map((c, i) => ({ ...c, href: libraryHref(state, period, { incidentType: r.code, factor: heatmap.factors[i]!.code }) })),
  }));
  const option = useMemo(() => heatmapOption({
    rows: heatmap.rows, columns: heatmap.factors, cells: rows.map((r) => r.cells),
    description: `Share of each incident type's reports citing each of the most cited factors (${heatmap.label}).`,
  }), [heatmap, state, period]);
  const title = `Incident types and factors: ${heatmap.label.replace(/ \(all reports\)$/, "").toLowerCase()}`;
  return (
    <ChartPanel
      id="heatmap"
      title={title}
      units="% of the incident type's reports citing the factor"
      period={period}
      wide
      chart={heatmap.rows.length === 0 || heatmap.factors.length === 0
        ? <EmptyChart>No reports match these filters in this period.</EmptyChart>
        : <div className="chart-scroll"><Chart option={option} height={heatmapHeight(heatmap.rows.length)} label={title} ssrWidth={820} /></div>}
      notes={<p>Columns are the most cited factors; darker cells, larger shares. Hatched cells are withheld for privacy. Click a cell to read the matching reports.</p>}
      table={<StaticTable columns={heatmapColumns(heatmap.factors)} data={rows} caption={title} getRowId={(r) => r.code} />}
    />
  );
}
