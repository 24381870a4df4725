import { useMemo } from "react";
import { countText } from "~/charts/format";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { PERIOD_CHART_ROWS, periodProfilePanel } from "../models/period-profile";
import type { PeriodInfo, PeriodProfileView } from "../view-types";

export function PeriodProfilePanel(props: { periods: PeriodProfileView; state: DashboardState; period: PeriodInfo }) {
  const { periods, state, period } = props;
  const model = useMemo(() => periodProfilePanel(periods, state, period), [periods, state, period]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        <>
          <p>
            A: {periods.a.label}, {countText(periods.a.reports)} reports. B: {periods.b.label},{" "}
            {countText(periods.b.reports)} reports. The difference is A − B in percentage points; where its interval
            crosses zero, chance alone could explain it.
          </p>
          {periods.overlap ? (
            <p>
              The two periods share months, so the difference's interval is wider than it needs to be (it treats them as
              separate reports).
            </p>
          ) : null}
          <p>
            The {PERIOD_CHART_ROWS} most cited factors are drawn; the table lists all {periods.rows.length}.
          </p>
        </>
      }
    />
  );
}
