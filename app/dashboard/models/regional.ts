import { groupedBarsHeight, groupedBarsOption } from "~/charts/grouped-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { regionColumnSpecs, type RegionTableRow } from "../tables/column-specs";
import type { PeriodInfo, RegionalView } from "../view-types";

export function regionalPanel(regional: RegionalView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: RegionTableRow[] = regional.rows.map((r) => ({
    ...r,
    hrefs: regional.factors.map((f) =>
      libraryHref({ ...state, region: undefined }, period, { factor: f.code, region: r.region }),
    ),
  }));
  return {
    id: "regional",
    title: "Regional comparison of the most cited factors",
    units: "% of each census region's reports citing the factor (the region filter does not apply here)",
    chart:
      regional.factors.length === 0
        ? null
        : {
            option: groupedBarsOption({
              items: regional.factors,
              groups: rows.map((r) => ({ name: r.label, shares: r.shares, hrefs: r.hrefs })),
              description: "Share of reports citing each of the most cited factors, by census region.",
            }),
            height: groupedBarsHeight(regional.factors.length, rows.length),
            label: "Regional comparison",
          },
    emptyChart: "No reports match these filters.",
    tables: [
      table({
        id: "regional",
        caption: "Regional comparison",
        columns: regionColumnSpecs(regional.factors),
        rows,
        rowId: (r) => r.region,
      }),
    ],
  };
}
