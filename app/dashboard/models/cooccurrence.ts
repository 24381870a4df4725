import { rankedBarsHeight, rankedBarsOption } from "~/charts/ranked-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { pairColumnSpecs, type PairTableRow } from "../tables/column-specs";
import type { CooccurrenceView, PeriodInfo } from "../view-types";

export function cooccurrencePanel(
  cooccurrence: CooccurrenceView,
  state: DashboardState,
  period: PeriodInfo,
): PanelModel {
  const rows: PairTableRow[] = cooccurrence.pairs.map((p) => ({
    ...p,
    href: libraryHref({ ...state, factor: p.a as DashboardState["factor"] }, period, { factor: p.b }),
  }));
  return {
    id: "cooccurrence",
    title: "Factors cited together",
    units: "reports citing both factors; lift above 1: cited together more often than chance",
    chart:
      rows.length === 0
        ? null
        : {
            option: rankedBarsOption({
              bars: rows.map((p) => ({
                label: `${p.aLabel} + ${p.bLabel}`,
                value: p.count,
                note: typeof p.lift === "number" ? `lift ${p.lift.toFixed(1)}×` : undefined,
                href: p.href,
              })),
              axisName: "Reports citing both",
              description:
                "Pairs of contributing factors cited together in the same report, most frequent first, with their " +
                "lift.",
            }),
            height: rankedBarsHeight(rows.length),
            label: "Factors cited together",
          },
    emptyChart: "No report cites two factors with these filters.",
    tables: [
      table({
        id: "cooccurrence",
        caption: "Factors cited together",
        columns: pairColumnSpecs,
        rows,
        rowId: (r) => `${r.a}-${r.b}`,
      }),
    ],
  };
}
