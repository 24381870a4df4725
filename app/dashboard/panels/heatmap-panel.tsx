import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { heatmapPanel } from "../models/heatmap";
import type { HeatmapView, PeriodInfo } from "../view-types";

export function HeatmapPanel(props: { heatmap: HeatmapView; state: DashboardState; period: PeriodInfo }) {
  const { heatmap, state, period } = props;
  const model = useMemo(() => heatmapPanel(heatmap, state, period), [heatmap, state, period]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        <p>
          Columns are the most cited factors; darker cells, larger shares. Hatched cells are withheld for privacy. Click
          a cell to read the matching reports.
        </p>
      }
    />
  );
}
