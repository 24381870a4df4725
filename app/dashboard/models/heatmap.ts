import { heatmapHeight, heatmapOption } from "~/charts/heatmap";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { heatmapColumnSpecs, type HeatmapTableRow } from "../tables/column-specs";
import type { HeatmapView, PeriodInfo } from "../view-types";

export function heatmapPanel(heatmap: HeatmapView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: HeatmapTableRow[] = heatmap.rows.map((r) => ({
    code: r.code,
    label: r.label,
    reports: r.reports,
    cells: r.cells.map((c, i) => ({
      ...c,
      href: libraryHref(state, period, { incidentType: r.code, factor: heatmap.factors[i]!.code }),
    })),
  }));
  const title = `Incident types and factors: ${heatmap.label.replace(/ \(all reports\)$/, "").toLowerCase()}`;
  return {
    id: "heatmap",
    title,
    units: "% of the incident type's reports citing the factor",
    wide: true,
    chart:
      heatmap.rows.length === 0 || heatmap.factors.length === 0
        ? null
        : {
            option: heatmapOption({
              rows: heatmap.rows,
              columns: heatmap.factors,
              cells: rows.map((r) => r.cells),
              description:
                "Share of each incident type's reports citing each of the most cited factors " + `(${heatmap.label}).`,
            }),
            height: heatmapHeight(heatmap.rows.length),
            label: title,
            ssrWidth: 820,
            scroll: true,
          },
    emptyChart: "No reports match these filters in this period.",
    tables: [
      table({
        id: "heatmap",
        caption: title,
        columns: heatmapColumnSpecs(heatmap.factors),
        rows,
        rowId: (r) => r.code,
      }),
    ],
  };
}
