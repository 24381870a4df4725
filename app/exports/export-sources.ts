// What each dashboard's downloads are made from (ExportSource): the page's own panel models and its
// choices in its own words — the agency page's from its release-book view, the national pages' from the
// national view.
import type { AgencyBookView } from "~/dashboard/agency-view-types";
import { agencySearchParams } from "~/dashboard/agency-state";
import { agencyPanelList } from "~/dashboard/book/models/agency-panels";
import { asOfText, bookFilterList, choiceLine, choiceStem, layerWords } from "~/dashboard/book/words";
import { nationalPanels } from "~/dashboard/models/page-panels";
import type { NationalDashboardView } from "~/dashboard/view-types";
import type { ExportSource } from "./dashboard-export.server";
import { dashboardFilterList } from "./export-files";

const VOLUNTARY = "Shares of voluntary near-miss reports, not rates of events.";

export function agencySource(view: AgencyBookView): ExportSource {
  return {
    page: "agency",
    // A panel the page replaces with one sentence (every figure withheld) has no file either.
    panels: agencyPanelList(view).filter((p) => !p.allWithheld),
    filters: bookFilterList(view),
    choiceLine: choiceLine(view),
    choiceStem: choiceStem(view),
    privacy: view.privacy,
    layerNote: (panel) => (panel.layers?.length ? panel.layers.map((l) => layerWords[l]).join("; ") : null),
    notes: [VOLUNTARY, asOfText(view.asOf)],
    auditChoices: agencySearchParams(view.state).toString() || "defaults",
  };
}

export function nationalSource(view: NationalDashboardView, page: "national" | "summary"): ExportSource {
  return {
    page,
    panels: nationalPanels(view),
    filters: dashboardFilterList(view.state, view.period, page),
    choiceLine: `${view.period.from} to ${view.period.to}`,
    choiceStem: `${view.period.from}-to-${view.period.to}`,
    privacy: view.kind === "national" ? view.privacy : null,
    notes: [VOLUNTARY],
    auditChoices:
      `${view.state.from ?? "default"}..${view.state.to ?? "default"}` +
      (view.periods ? ` vs ${view.periods.b.from}..${view.periods.b.to}` : ""),
  };
}
