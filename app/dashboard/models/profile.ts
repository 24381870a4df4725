import { isSuppressed } from "../../../domain/figures";
import { withheldText } from "~/charts/format";
import { shareComparisonHeight, shareComparisonOption, type ShareRow } from "~/charts/share-comparison";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { factorCells } from "./factor-cells";
import { type PanelModel, table } from "./panel-model";
import { profileColumnSpecs, type ProfileTableRow } from "../tables/column-specs";
import type { PeriodInfo, ProfileRow, ProfileView } from "../view-types";

/** Rows in the profile chart: the most cited first (released shares), then withheld ones; the table has all. */
export const PROFILE_CHART_ROWS = 15;

export function isFlagged(row: ProfileRow): boolean {
  return row.prr !== null && !isSuppressed(row.prr) && row.prr.flagged;
}

function profileRank(row: ProfileRow): number {
  const a = row.a.share;
  if (a && !isSuppressed(a)) return a.share;
  const b = row.b?.share;
  if (b && !isSuppressed(b)) return b.share / 1000;
  return -1;
}

function prrText(prr: ProfileRow["prr"]): string {
  if (prr === null) return "—";
  if (isSuppressed(prr)) return withheldText(prr);
  return `${prr.prr.toFixed(2)} (${prr.lower.toFixed(2)}–${prr.upper.toFixed(2)})${prr.flagged ? " flagged" : ""}`;
}

export function profilePanel(
  profile: ProfileView,
  state: DashboardState,
  period: PeriodInfo,
  title: string,
): PanelModel {
  const sorted = [...profile.rows].sort(
    (x, y) => Number(isFlagged(y)) - Number(isFlagged(x)) || profileRank(y) - profileRank(x),
  );
  const href = (r: ProfileRow) => libraryHref(state, period, { factor: r.factor });
  const chartRows: ShareRow[] = sorted.slice(0, PROFILE_CHART_ROWS).map((r) => ({
    key: r.factor,
    label: r.label,
    a: r.a.share,
    b: r.b?.share ?? null,
    flagged: isFlagged(r),
    href: href(r),
  }));
  const rows: ProfileTableRow[] = sorted.map((r) => ({
    ...factorCells(r),
    bCount: r.b?.count ?? null,
    bShare: r.b?.share ?? null,
    prr: prrText(r.prr),
    flagged: isFlagged(r),
    href: href(r),
  }));
  const nothing = profile.rows.every((r) => r.a.share === null && (r.b?.share ?? null) === null);
  return {
    id: "profile",
    title,
    units: "% of reports citing each factor, dots with 95% intervals",
    chart: nothing
      ? null
      : {
          option: shareComparisonOption({
            rows: chartRows,
            aLabel: profile.aLabel,
            bLabel: profile.bLabel,
            description:
              `Share of reports citing each contributing ` +
              `factor: ${profile.aLabel}${profile.bLabel ? ` compared with ${profile.bLabel}` : ""}.`,
          }),
          height: shareComparisonHeight(Math.min(PROFILE_CHART_ROWS, sorted.length)),
          label: title,
        },
    emptyChart: "No reports match these filters in this period.",
    tables: [
      table({
        id: "profile",
        caption: title,
        columns: profileColumnSpecs(profile.aLabel, profile.bLabel),
        rows,
        rowId: (r) => r.factor,
      }),
    ],
  };
}

export const NATIONAL_PROFILE_TITLE = "Contributing factors nationally";
