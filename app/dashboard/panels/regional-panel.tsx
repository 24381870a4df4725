import { useMemo } from "react";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { regionalPanel } from "../models/regional";
import type { PeriodInfo, RegionalView } from "../view-types";

export function RegionalPanel(props: { regional: RegionalView; state: DashboardState; period: PeriodInfo }) {
  const { regional, state, period } = props;
  const model = useMemo(() => regionalPanel(regional, state, period), [regional, state, period]);
  return <ModelPanel model={model} period={period} />;
}
