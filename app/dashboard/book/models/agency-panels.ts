// Every panel with a chart or table of the agency page, in page order: the page draws them and the
// downloads (CSV, XLSX, SVG, PNG, all.xlsx) and the briefing look them up, so a file for a choice holds
// the very cells the page shows. Browser-safe.
import type { AgencyBookView } from "../../agency-view-types";
import type { PanelModel } from "../../models/panel-model";
import { bookLossPanel } from "./loss-mix";
import { matrixPanel } from "./matrix";
import { bookProfilePanel } from "./profile";
import { quarterlyPanel } from "./quarterly";
import { sharedPanel } from "./shared";
import { topFactorsPanel } from "./top-factors";

export interface AgencyPanels {
  topFactors: PanelModel;
  quarterly: PanelModel;
  profile: PanelModel;
  heatmap: PanelModel | null;
  loss: PanelModel;
  shared: PanelModel;
}

export function agencyPanelModels(view: AgencyBookView): AgencyPanels {
  return {
    topFactors: topFactorsPanel(view),
    quarterly: quarterlyPanel(view),
    profile: bookProfilePanel(view),
    heatmap: view.heatmap ? matrixPanel(view, view.heatmap) : null,
    loss: bookLossPanel(view),
    shared: sharedPanel(view),
  };
}

export function agencyPanelList(view: AgencyBookView): PanelModel[] {
  const p = agencyPanelModels(view);
  return [p.topFactors, p.quarterly, p.profile, ...(p.heatmap ? [p.heatmap] : []), p.loss, p.shared];
}
