import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { lossMixPanel } from "../models/loss-mix";
import type { LossMixView, PeriodInfo } from "../view-types";

export function LossMixPanel(props: { mix: LossMixView; state: DashboardState; period: PeriodInfo }) {
  const { mix, state, period } = props;
  const model = useMemo(() => lossMixPanel(mix, state, period), [mix, state, period]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={<p>The table also gives the mix for the reports citing each of the most cited factors.</p>}
    />
  );
}
