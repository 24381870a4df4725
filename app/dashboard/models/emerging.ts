import { rankedBarsHeight, rankedBarsOption } from "~/charts/ranked-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { emergingColumnSpecs, type EmergingTableRow } from "../tables/column-specs";
import type { EmergingView, PeriodInfo } from "../view-types";

export function emergingPanel(emerging: EmergingView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: EmergingTableRow[] = emerging.rows.map((r) => ({
    ...r,
    href: libraryHref(state, period, {
      ...(r.dimension === "factor" ? { factor: r.code } : { incidentType: r.code }),
      ...(r.area === "national" ? {} : { region: r.area }),
      from: r.from,
      to: r.to,
    }),
  }));
  return {
    id: "emerging",
    title: "Emerging national and regional risks",
    units:
      `latest 3 months' share of reports ÷ the previous 24 months' (${emerging.tests.toLocaleString("en-US")} ` +
      `series tested)`,
    chart:
      rows.length === 0
        ? null
        : {
            option: rankedBarsOption({
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
              description:
                "Emerging risks: series whose share of reports crossed its alert level, as the ratio of the " +
                "latest three months' share to the previous 24 months'.",
            }),
            height: rankedBarsHeight(rows.length),
            label: "Emerging risks",
          },
    emptyChart: "No series crossed its alert level in the last three months of this period.",
    tables: [
      table({
        id: "emerging",
        caption: "Emerging risks",
        columns: emergingColumnSpecs,
        rows,
        rowId: (r) => `${r.area}-${r.dimension}-${r.code}`,
        empty: "None in this period.",
      }),
    ],
  };
}
