import { trendOption } from "~/charts/trend-lines";
import type { AgencyBookView } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { quarterColumns, type QuarterRow } from "../columns";
import { AGENCY_LABEL, seriesColors, SHARED_LABEL } from "./labels";

const BOOK_LINE = `${AGENCY_LABEL}: all reports counted toward it`;

/**
 * Reports per quarter of publication: the book's released totals (all reports counted toward the
 * agency, withheld where they must be) and, alongside, the free layer's count of reports shared with
 * the agency — the line that stays whole where the book withholds (docs/design.md §6.1).
 */
export function quarterlyPanel(view: AgencyBookView): PanelModel {
  const book = new Map(view.trends.quarterTotals.map((q) => [q.quarter, q.count]));
  const shared = new Map(view.shared.quarters.map((q) => [q.quarter, q.shared]));
  const quarters = [...new Set([...book.keys(), ...shared.keys()])].sort();
  const rows: QuarterRow[] = quarters.map((quarter) => ({
    quarter,
    book: book.get(quarter) ?? null,
    shared: shared.get(quarter) ?? null,
  }));
  const title = "Reports per quarter of publication";
  return {
    id: "quarterly",
    title,
    units: "reports (voluntary reports, not incidents); the shared line covers the months chosen for shared reports",
    wide: true,
    layers: ["book", "shared"],
    allWithheld: null,
    chart:
      quarters.length === 0
        ? null
        : {
            option: trendOption({
              bins: quarters,
              unit: "count",
              lines: [
                { name: BOOK_LINE, values: rows.map((r) => r.book), color: seriesColors.agency },
                { name: SHARED_LABEL, values: rows.map((r) => r.shared), color: seriesColors.shared, dashed: true },
              ],
              description:
                `Reports per quarter of publication: ${BOOK_LINE.toLowerCase()}, ` +
                `and ${SHARED_LABEL.toLowerCase()}.`,
            }),
            height: 280,
            label: title,
            ssrWidth: 900,
          },
    emptyChart: "No quarter is released yet.",
    tables: [
      table({
        id: "quarterly",
        caption: title,
        columns: quarterColumns(BOOK_LINE, SHARED_LABEL),
        rows,
        rowId: (r) => r.quarter,
      }),
    ],
  };
}
