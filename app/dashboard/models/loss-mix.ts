import { shareComparisonHeight, shareComparisonOption } from "~/charts/share-comparison";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { lossColumnSpecs, type LossTableRow } from "../tables/column-specs";
import type { LossMixView, PeriodInfo } from "../view-types";

export function lossMixPanel(mix: LossMixView, state: DashboardState, period: PeriodInfo): PanelModel {
  const all = mix.rows.find((r) => r.factor === null);
  const rows: LossTableRow[] = mix.rows.map((r) => ({
    key: r.factor ?? "all",
    label: r.label,
    aReports: r.a.reports,
    aShares: r.a.shares,
    bShares: r.b?.shares ?? null,
  }));
  return {
    id: "loss",
    title: "How bad it could have been (loss potential)",
    units: "% of reports by loss potential, dots with 95% intervals",
    chart: all
      ? {
          option: shareComparisonOption({
            rows: mix.categories.map((c, i) => ({
              key: c.code,
              label: c.label,
              a: all.a.shares[i] ?? null,
              b: all.b?.shares[i] ?? null,
              href: libraryHref(state, period, { lossPotential: c.code }),
            })),
            aLabel: mix.aLabel,
            bLabel: mix.bLabel,
            description:
              `How bad it could have been: share of reports by loss ` +
              `potential, ${mix.aLabel}${mix.bLabel ? ` and ${mix.bLabel}` : ""}.`,
          }),
          height: shareComparisonHeight(mix.categories.length),
          label: "Loss potential of the reports",
        }
      : null,
    emptyChart: "No reports match these filters.",
    tables: [
      table({
        id: "loss",
        caption: "Loss potential mix",
        columns: lossColumnSpecs(mix.categories, mix.aLabel, mix.bLabel),
        rows,
        rowId: (r) => r.key,
      }),
    ],
  };
}
