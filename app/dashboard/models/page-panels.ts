// Every panel of the national pages, in page order: what the exports look a table or chart up in (the
// pages themselves draw the same models panel by panel).
import type { NationalDashboardView } from "../view-types";
import { cooccurrencePanel } from "./cooccurrence";
import { emergingPanel } from "./emerging";
import { funnelPanel } from "./funnel";
import { heatmapPanel } from "./heatmap";
import { lossMixPanel } from "./loss-mix";
import type { PanelModel } from "./panel-model";
import { periodProfilePanel } from "./period-profile";
import { NATIONAL_PROFILE_TITLE, profilePanel } from "./profile";
import { regionalPanel } from "./regional";
import { NATIONAL_TOTALS_LABEL, totalsPanel, trendPanel } from "./trends";

/** Every panel with a chart or table of the national pages, in page order. */
export function nationalPanels(view: NationalDashboardView): PanelModel[] {
  const { state, period } = view;
  return [
    totalsPanel(view.totals, state, period, NATIONAL_TOTALS_LABEL),
    ...view.trends.factors.map((f) => trendPanel(f, view.trends, state, period)),
    emergingPanel(view.emerging, state, period),
    ...(view.funnel ? [funnelPanel(view.funnel, state, period)] : []),
    regionalPanel(view.regional, state, period),
    cooccurrencePanel(view.cooccurrence, state, period),
    profilePanel(view.profile, state, period, NATIONAL_PROFILE_TITLE),
    ...(view.periods ? [periodProfilePanel(view.periods, state, period)] : []),
    heatmapPanel(view.heatmap, state, period),
    lossMixPanel(view.lossMix, state, period),
  ];
}
