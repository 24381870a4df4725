import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { funnelPanel } from "../models/funnel";
import type { FunnelView, PeriodInfo } from "../view-types";

export function FunnelPanel(props: { funnel: FunnelView; state: DashboardState; period: PeriodInfo }) {
  const { funnel, state, period } = props;
  const model = useMemo(() => funnelPanel(funnel, state, period), [funnel, state, period]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        <p>
          {funnel.agencies.toLocaleString("en-US")} agencies with at least the minimum number of reports;{" "}
          {funnel.withheld} withheld for privacy. Dots outside the 99.8% limits are unlikely to differ from the national
          share by chance alone — a reason to look, not a verdict: these are shares of voluntary reports.
        </p>
      }
    />
  );
}
