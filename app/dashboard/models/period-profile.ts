import { isSuppressed } from "../../../domain/figures";
import { periodComparisonOption, type PeriodRow } from "~/charts/period-comparison";
import { shareComparisonHeight } from "~/charts/share-comparison";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { periodProfileColumnSpecs, type PeriodProfileTableRow } from "../tables/column-specs";
import type { PeriodInfo, PeriodProfileRow, PeriodProfileView, ShareFigures } from "../view-types";
import { factorCells } from "./factor-cells";
import { type PanelModel, table } from "./panel-model";

/** Factors drawn in the chart (the most cited in either period); the table has all of them. */
export const PERIOD_CHART_ROWS = 15;
export const PERIODS_TITLE = "Contributing factors, two periods side by side";

const shown = (f: ShareFigures) => (f.share && !isSuppressed(f.share) ? f.share.share : -1);
const rank = (r: PeriodProfileRow) => Math.max(shown(r.a), shown(r.b));
const cited = (f: ShareFigures) => isSuppressed(f.count) || f.count > 0;

/**
 * The factor profile of the page's period (A) beside the comparison period (B), with the difference A − B.
 * The most cited factor in either period first; factors no report cites in either period last.
 */
export function periodProfilePanel(view: PeriodProfileView, state: DashboardState, _period: PeriodInfo): PanelModel {
  const sorted = [...view.rows].sort(
    (x, y) => Number(cited(y.a) || cited(y.b)) - Number(cited(x.a) || cited(x.b)) || rank(y) - rank(x),
  );
  // A click opens the library over both periods' months (the library takes one range of event months).
  const span = {
    from: view.a.from < view.b.from ? view.a.from : view.b.from,
    to: view.a.to > view.b.to ? view.a.to : view.b.to,
  };
  const href = (r: PeriodProfileRow) => libraryHref(state, span, { factor: r.factor });
  const rows: PeriodProfileTableRow[] = sorted.map((r) => ({
    ...factorCells(r),
    bCount: r.b.count,
    bShare: r.b.share,
    difference: r.difference,
    href: href(r),
  }));
  const chartRows: PeriodRow[] = sorted
    .filter((r) => cited(r.a) || cited(r.b))
    .slice(0, PERIOD_CHART_ROWS)
    .map((r) => ({
      key: r.factor,
      label: r.label,
      a: r.a.share,
      b: r.b.share,
      difference: r.difference,
      href: href(r),
    }));
  const aLabel = `A: ${view.a.label}`;
  const bLabel = `B: ${view.b.label}`;
  const title = `${PERIODS_TITLE}: ${view.a.label} and ${view.b.label}`;
  return {
    id: "period-profile",
    title,
    units:
      "% of each period's reports citing each factor, dots with 95% intervals; difference A − B in percentage points",
    wide: true,
    chart:
      chartRows.length === 0
        ? null
        : {
            option: periodComparisonOption({
              rows: chartRows,
              aLabel,
              bLabel,
              description:
                `Share of reports citing each contributing factor in ${view.a.label} (A) and in ${view.b.label} ` +
                `(B), and the difference A − B.`,
            }),
            height: shareComparisonHeight(chartRows.length),
            label: title,
          },
    emptyChart: "No reports match these filters in either period.",
    tables: [
      table({
        id: "period-profile",
        caption: title,
        columns: periodProfileColumnSpecs(aLabel, bLabel),
        rows,
        rowId: (r) => r.factor,
      }),
    ],
  };
}
