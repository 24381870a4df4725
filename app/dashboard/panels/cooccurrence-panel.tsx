import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { cooccurrencePanel } from "../models/cooccurrence";
import type { CooccurrenceView, PeriodInfo } from "../view-types";

export function CooccurrencePanel(props: {
  cooccurrence: CooccurrenceView;
  state: DashboardState;
  period: PeriodInfo;
}) {
  const { cooccurrence, state, period } = props;
  const model = useMemo(() => cooccurrencePanel(cooccurrence, state, period), [cooccurrence, state, period]);
  return <ModelPanel model={model} period={period} />;
}
