import { useMemo } from "react";
import { changeText, countText } from "~/charts/format";
import type { DashboardState } from "../filter-schema";
import { EmptyChart, ModelPanel } from "../panel";
import { totalsPanel, trendPanel } from "../models/trends";
import type { Count, PeriodInfo, TrendFactor, TrendView } from "../view-types";

function FactorTrend({
  factor,
  trends,
  state,
  period,
}: {
  factor: TrendFactor;
  trends: TrendView;
  state: DashboardState;
  period: PeriodInfo;
}) {
  const model = useMemo(() => trendPanel(factor, trends, state, period), [factor, trends, state, period]);
  const yoy = factor.yearOverYear;
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        yoy ? (
          <p>
            Reports citing it in the latest 12 months: {countText(yoy.current)}; in the 12 months before:{" "}
            {countText(yoy.previous)}; change: {changeText(yoy.change)}.
          </p>
        ) : null
      }
    />
  );
}

export function TrendPanels(props: { trends: TrendView; state: DashboardState; period: PeriodInfo }) {
  if (props.trends.factors.length === 0) {
    return (
      <section className="panel dash-panel">
        <h2>Trends of the most cited factors</h2>
        <EmptyChart>No factor has released figures for these filters.</EmptyChart>
      </section>
    );
  }
  return (
    <>
      {props.trends.factors.map((f) => (
        <FactorTrend key={f.factor} factor={f} {...props} />
      ))}
    </>
  );
}

export function TotalsPanel(props: {
  totals: { months: string[]; counts: Count[] };
  state: DashboardState;
  period: PeriodInfo;
  label: string;
}) {
  const { totals, state, period, label } = props;
  const model = useMemo(() => totalsPanel(totals, state, period, label), [totals, state, period, label]);
  return <ModelPanel model={model} period={period} />;
}
