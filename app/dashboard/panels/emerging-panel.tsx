import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { emergingPanel } from "../models/emerging";
import type { EmergingView, PeriodInfo } from "../view-types";

export function EmergingPanel(props: { emerging: EmergingView; state: DashboardState; period: PeriodInfo }) {
  const { emerging, state, period } = props;
  const model = useMemo(() => emergingPanel(emerging, state, period), [emerging, state, period]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        <p>
          {emerging.note} Alert levels: mean + 1, 2, 3 standard deviations of the previous 12–24 months; q-values
          control false discoveries at {Math.round(emerging.falseDiscoveryRate * 100)}%.
        </p>
      }
    />
  );
}
