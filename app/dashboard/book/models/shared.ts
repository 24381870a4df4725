import { shareComparisonHeight, shareComparisonOption } from "~/charts/share-comparison";
import type { AgencyBookView } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { sharedFactorColumns, type SharedFactorRow } from "../columns";
import { sharedLibraryHref } from "../drill-down";
import { monthRangeText } from "../words";
import { NATION_WITHOUT_SHARED, seriesColors, SHARED_LABEL } from "./labels";

export const SHARED_CHART_ROWS = 12;

/**
 * The free layer: factor shares of the reports officers shared with the agency's team (members can read
 * them all in the library) against the nation without them, over any months of publication. Nothing
 * here is withheld: it discloses nothing a member cannot count for themselves (docs/design.md §6.1).
 */
export function sharedPanel(view: AgencyBookView): PanelModel {
  const { shared } = view;
  const rows: SharedFactorRow[] = shared.factors
    .map((f) => ({
      factor: f.factor,
      label: f.label,
      sharedShare: f.shared.share,
      sharedCount: f.shared.count,
      nationShare: f.nation.share,
      nationCount: f.nation.count,
      href: sharedLibraryHref({ factor: f.factor, incidentType: view.state.type }),
    }))
    .sort((a, b) => b.sharedCount - a.sharedCount || b.nationCount - a.nationCount);
  const months = monthRangeText(shared.from, shared.to);
  const title = `Reports shared with your agency: factors, ${months}`;
  const drawn = rows.filter((r) => r.sharedCount > 0).slice(0, SHARED_CHART_ROWS);
  return {
    id: "shared",
    title,
    units:
      `% of the ${shared.reports.toLocaleString("en-US")} shared reports citing each factor, dots with 95% ` +
      `intervals`,
    layers: ["shared"],
    allWithheld: null,
    chart:
      drawn.length === 0
        ? null
        : {
            option: shareComparisonOption({
              rows: drawn.map((r) => ({
                key: r.factor,
                label: r.label,
                a: r.sharedShare,
                b: r.nationShare,
                href: r.href,
              })),
              aLabel: SHARED_LABEL,
              bLabel: NATION_WITHOUT_SHARED,
              aColor: seriesColors.shared,
              bColor: seriesColors.reference,
              description:
                `Share of the reports shared with your agency citing each factor, against the nation without ` +
                `them, ${months}.`,
            }),
            height: shareComparisonHeight(drawn.length),
            label: title,
          },
    emptyChart: "No report was shared with your agency in these months.",
    tables: [
      table({
        id: "shared",
        caption: title,
        columns: sharedFactorColumns(SHARED_LABEL, NATION_WITHOUT_SHARED),
        rows,
        rowId: (r) => r.factor,
      }),
    ],
  };
}
