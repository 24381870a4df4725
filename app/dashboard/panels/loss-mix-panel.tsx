import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { shareComparisonHeight, shareComparisonOption } from "~/charts/share-comparison";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { lossColumns, type LossTableRow } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { LossMixView, PeriodInfo } from "../view-types";

export function LossMixPanel(props: { mix: LossMixView; state: DashboardState; period: PeriodInfo }) {
  const { mix, state, period } = props;
  const all = mix.rows.find((r) => r.factor === null);
  const option = useMemo(() => all ? shareComparisonOption({
    rows: mix.categories.map((c, i) => ({
      key: c.code, label: c.label, a: all.a.shares[i] ?? null, b: all.b?.shares[i] ?? null,
      href: libraryHref(state, period, { lossPotential: c.code }),
    })),
    aLabel: mix.aLabel, bLabel: mix.bLabel,
    description: `How bad it could have been: share of reports by loss potential, ${mix.aLabel}${mix.bLabel ? ` and ${mix.bLabel}` : ""}.`,
  }) : null, [mix, state, period]);
  const rows: LossTableRow[] = mix.rows.map((r) => ({ key: r.factor ?? "all", label: r.label, aReports: r.a.reports, aShares: r.a.shares, bShares: r.b?.shares ?? null }));
  return (
    <ChartPanel
      id="loss"
      title="How bad it could have been (loss potential)"
      units="% of reports by loss potential, dots with 95% intervals"
      period={period}
      chart={option ? <Chart option={option} height={shareComparisonHeight(mix.categories.length)} label="Loss potential of the reports" /> : <EmptyChart>No reports match these filters.</EmptyChart>}
      notes={<p>The table also gives the mix for the reports citing each of the most cited factors.</p>}
      table={<StaticTable columns={lossColumns(mix.categories, mix.aLabel, mix.bLabel)} data={rows} caption="Loss potential mix" getRowId={(r) => r.key} />}
    />
  );
}
