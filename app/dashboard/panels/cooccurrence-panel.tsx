import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { rankedBarsHeight, rankedBarsOption } from "~/charts/ranked-bars";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { pairColumns, type PairTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { CooccurrenceView, PeriodInfo } from "../view-types";

export function CooccurrencePanel(props: { cooccurrence: CooccurrenceView; state: DashboardState; period: PeriodInfo }) {
  const { cooccurrence, state, period } = props;
  const rows: PairTableRow[] = cooccurrence.pairs.map((p) => ({
    ...p, href: libraryHref({ ...state, factor: p.a as DashboardState["factor"] }, period, { factor: p.b }),
  }));
  const option = useMemo(() => rankedBarsOption({
    bars: rows.map((p) => ({
      label: `${p.aLabel} + ${p.bLabel}`,
      value: p.count,
      note: typeof p.lift === "number" ? `lift ${p.lift.toFixed(1)}×` : undefined,
      href: p.href,
    })),
    axisName: "Reports citing both",
    description: "Pairs of contributing factors cited together in the same report, most frequent first, with their lift.",
  }), [cooccurrence, state, period]);
  return (
    <ChartPanel
      id="cooccurrence"
      title="Factors cited together"
      units="reports citing both factors; lift above 1: cited together more often than chance"
      period={period}
      chart={rows.length === 0 ? <EmptyChart>No report cites two factors with these filters.</EmptyChart> : <Chart option={option} height={rankedBarsHeight(rows.length)} label="Factors cited together" />}
      table={<StaticTable columns={pairColumns} data={rows} caption="Factors cited together" getRowId={(r) => `${r.a}-${r.b}`} />}
    />
  );
}
