import { percent } from "~/charts/format";
import { funnelOption } from "~/charts/funnel";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { type PanelModel, table } from "./panel-model";
import { funnelColumnSpecs, funnelRows, limitColumnSpecs } from "../tables/column-specs";
import type { FunnelView, PeriodInfo } from "../view-types";

export function funnelPanel(funnel: FunnelView, state: DashboardState, period: PeriodInfo): PanelModel {
  const href = libraryHref(state, period, { factor: funnel.factor });
  const title = `Agencies against the national share: ${funnel.label}`;
  return {
    id: "funnel",
    title,
    units:
      `% of each agency's reports citing the factor against its reports (anonymous dots; national ` +
      `share ${funnel.nationalShare === null ? "—" : percent(funnel.nationalShare)})`,
    wide: true,
    chart:
      funnel.points.length === 0
        ? null
        : {
            option: funnelOption({
              factorLabel: funnel.label,
              nationalShare: funnel.nationalShare,
              curve: funnel.curve,
              points: funnel.points,
              href,
              description:
                `Funnel plot: each partner agency's share of reports citing ${funnel.label} against its number ` +
                `of reports, with 95% and 99.8% limits around the national share.`,
            }),
            height: 380,
            label: title,
          },
    emptyChart: "No agency reaches the minimum number of reports in this period.",
    tables: [
      table({
        id: "funnel-agencies",
        caption: "Agencies by position",
        columns: funnelColumnSpecs,
        rows: funnelRows(funnel),
        rowId: (r) => r.key,
      }),
      table({
        id: "funnel-limits",
        caption: "Funnel limits",
        columns: limitColumnSpecs,
        rows: funnel.curve,
        rowId: (r) => String(r.n),
      }),
    ],
  };
}
