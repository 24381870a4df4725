import { useMemo } from "react";
import { isSuppressed } from "../../../analytics/privacy/figures";
import { Chart } from "~/charts/chart";
import { FLAG_MARK, shareComparisonHeight, shareComparisonOption, type ShareRow } from "~/charts/share-comparison";
import { withheldText } from "~/charts/format";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { profileColumns, type ProfileTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { PeriodInfo, ProfileRow, ProfileView } from "../view-types";

/** Rows in the chart: the most cited first (released shares), then withheld ones; the table has all. */
const CHART_ROWS = 15;

function rank(row: ProfileRow): number {
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

export function ProfilePanel(props: { profile: ProfileView; state: DashboardState; period: PeriodInfo; title: string; notes?: React.ReactNode }) {
  const { profile, state, period } = props;
  const flagged = (r: ProfileRow) => r.prr !== null && !isSuppressed(r.prr) && r.prr.flagged;
  const sorted = useMemo(() => [...profile.rows].sort((x, y) => Number(flagged(y)) - Number(flagged(x)) || rank(y) - rank(x)), [profile]);
  const option = useMemo(() => {
    const rows: ShareRow[] = sorted.slice(0, CHART_ROWS).map((r) => ({
      key: r.factor, label: r.label, a: r.a.share, b: r.b?.share ?? null, flagged: flagged(r),
      href: libraryHref(state, period, { factor: r.factor }),
    }));
    return shareComparisonOption({
      rows, aLabel: profile.aLabel, bLabel: profile.bLabel,
      description: `Share of reports citing each contributing factor: ${profile.aLabel}${profile.bLabel ? ` compared with ${profile.bLabel}` : ""}.`,
    });
  }, [sorted, profile, state, period]);
  const tableRows: ProfileTableRow[] = sorted.map((r) => ({
    factor: r.factor, label: r.label, family: r.family, aCount: r.a.count, aShare: r.a.share, bCount: r.b?.count ?? null, bShare: r.b?.share ?? null,
    prr: prrText(r.prr), flagged: flagged(r), href: libraryHref(state, period, { factor: r.factor }),
  }));
  const nothing = profile.rows.every((r) => r.a.share === null && (r.b?.share ?? null) === null);
  return (
    <ChartPanel
      id="profile"
      title={props.title}
      units="% of reports citing each factor, dots with 95% intervals"
      period={period}
      chart={nothing ? <EmptyChart>No reports match these filters in this period.</EmptyChart> : <Chart option={option} height={shareComparisonHeight(Math.min(CHART_ROWS, sorted.length))} label={props.title} />}
      notes={
        <>
          {profile.rows.some(flagged) && profile.bLabel ? <p>{FLAG_MARK} flagged: the proportional reporting ratio (PRR) meets the flag rule — reports cite the factor more often than {profile.bLabel.toLowerCase()}.</p> : null}
          {props.notes}
          <p>The {CHART_ROWS} most cited factors are drawn; the table lists all {profile.rows.length}. Click a dot to read the matching reports.</p>
        </>
      }
      table={<StaticTable columns={profileColumns(profile.aLabel, profile.bLabel)} data={tableRows} caption={props.title} getRowId={(r) => r.factor} />}
    />
  );
}
